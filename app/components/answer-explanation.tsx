/**
 * What a learner reads after answering: the lesson's sentence the question
 * was made from, quoted (a generated question's explanation is that
 * sentence), or the explanation an instructor wrote in its place.
 */
export function AnswerExplanation({ sourceSentence, explanation, lead = "" }: { sourceSentence: string; explanation: string; lead?: string }) {
  const own = explanation.trim();
  if (own && own !== sourceSentence.trim()) return <p className="answer-explanation">{own}</p>;
  if (!sourceSentence.trim()) return null;
  return (
    <p className="source-sentence">
      {lead}“{sourceSentence}”
    </p>
  );
}
