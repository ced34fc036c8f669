import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { call } from '../api/client.ts';
import { parseId } from '../api/queries.ts';
import { ErrorAlert, Loading } from '../components/Alert.tsx';
import { LetterView } from '../components/LetterView.tsx';
import { Page } from '../components/Page.tsx';

/** A published letter (the public, redacted copy), opened from search. */
export function PublishedLetterPage() {
  const letterId = parseId(useParams().letterId);
  const q = useQuery({
    queryKey: ['published-letter', letterId],
    queryFn: ({ signal }) => call('publishedLetter', { params: { letterId }, signal }),
    enabled: !Number.isNaN(letterId),
  });
  if (q.isPending) return <Loading what="the letter" />;
  if (q.error) return <ErrorAlert error={q.error} title="The letter could not be opened" />;
  return (
    <Page title={`Published letter · ${q.data.caseNumber}`} actions={<Link to="/search">Back to search</Link>}>
      <LetterView letter={q.data.letter} />
    </Page>
  );
}
