/** An invented intake, as the intake form sends it; shared by the server tests, the fuzz test and benches. */

export function sampleApplication(
  claimNumber: string,
  treatments: readonly string[],
  employeeName = 'Orla Pennywhistle',
) {
  return {
    employeeName,
    claimNumber,
    injuryDate: '2023-05-02',
    urDecisionDate: '2025-02-20',
    requestingPhysicianName: 'Dr. Tamsin Vell',
    employerName: 'Harbor Crates Inc.',
    claimsAdministratorName: 'Tideline Claims Services',
    disputedTreatments: treatments.map((treatment) => ({ treatment })),
    alsoDisputedForOtherReasons: false,
    deniedForMissingInformation: false,
    signaturePresent: true,
    consentToRecords: true,
    urDecisionAttached: true,
    urServiceMethod: 'electronic' as const,
    filedBy: 'employee' as const,
  };
}

/** A whole intake body with one PDF as its document (JSON, base64). */
export function pdfIntakeBody(opts: { claimNumber: string; employeeName: string; title: string; pdf: Uint8Array }) {
  const treatments = ['Physical therapy 2x6 lumbar spine'];
  return {
    receivedAt: '2025-02-25T17:00:00.000Z',
    application: sampleApplication(opts.claimNumber, treatments, opts.employeeName),
    urDecision: {
      decisionDate: '2025-02-20',
      serviceDate: '2025-02-20',
      serviceMethod: 'electronic' as const,
      outcome: 'denied' as const,
      items: treatments.map((request) => ({ request, outcome: 'denied' as const })),
    },
    patient: { age: 47, sex: 'female' as const },
    documents: [
      {
        title: opts.title,
        kind: 'medical-record',
        mime: 'application/pdf',
        contentBase64: Buffer.from(opts.pdf).toString('base64'),
      },
    ],
  };
}
