/**
 * The shapes the pages use, all taken from the server's contract (types only). Names here are the
 * web app's; each is the contract's type of the same thing.
 */
import type {
  CandidatesResponse,
  CaseDetail as ContractCaseDetail,
  DashboardResponse,
  IntakeBody,
  ReviewResponse,
  SearchResponse,
  SessionResponse,
} from './contract.ts';

export type {
  AssignmentView,
  CandidateView,
  ClockReportView,
  ClockView,
  DocumentMeta,
  DocumentView,
  EligibilityView,
  ExcludedCandidateView,
  IntakeResponse,
  ItemView,
  LetterApproval,
  LetterMeta,
  LetterPreviewResponse,
  QueueEntryView,
  RateRow,
  ReviewerProfileView,
  ReviewItemView,
  SearchHitView,
  SessionUser,
  Urgency,
  UserView,
} from './contract.ts';

export type Session = SessionResponse;
export type User = SessionResponse['user'];
export type Role = User['role'];
export const ROLES: readonly Role[] = ['intake', 'coordinator', 'reviewer', 'qa', 'admin'];

export type CaseDetail = ContractCaseDetail;
export type CaseRecord = ContractCaseDetail['case'];
export type CaseStage = CaseRecord['stage'];
export type Candidates = CandidatesResponse;
export type Dashboard = DashboardResponse;
export type ReviewWorkspace = ReviewResponse;
export type SearchResult = SearchResponse;
export type ItemReview = ReviewResponse['items'][number]['review'];
export type Criterion = ItemReview['criteria'][number];
export type CriterionStatus = Criterion['status'];
export type Evidence = Criterion['evidence'][number];
export type Basis = ReviewResponse['items'][number]['draft']['basis'];
export type Decision = 'Upheld' | 'Overturned';
export type DocumentKind = NonNullable<IntakeBody['documents']>[number]['kind'];
export type TreatmentKind = NonNullable<NonNullable<IntakeBody['items']>[number]['category']>;

/** A file picked in the browser, with what intake says it is. */
export interface UploadChoice {
  readonly file: File;
  readonly title: string;
  readonly kind: DocumentKind;
}
