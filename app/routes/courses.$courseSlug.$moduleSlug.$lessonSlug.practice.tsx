import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerExplanation } from "~/components/answer-explanation";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { QuestionForm } from "~/components/question-form";
import { readForm } from "~/forms/parse-form.server";
import { parsePracticeForm } from "~/forms/practice-form.server";
import { gradeResponse, isRight } from "~/questions/grade";
import { presentedOptions } from "~/questions/options";
import { findLessonWithQuestions } from "~/models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Practise: ${data.lesson.title} · Cairn` : "Not found · Cairn" },
];

async function loadLesson(params: LoaderFunctionArgs["params"]) {
  const lesson = await findLessonWithQuestions(params.courseSlug ?? "", params.moduleSlug ?? "", params.lessonSlug ?? "");
  if (!lesson) throw new Response("No such lesson.", { status: 404 });
  return lesson;
}

function questionIndex(raw: string | null, total: number) {
  const n = Number.parseInt(raw ?? "0", 10);
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(n, Math.max(0, total - 1));
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const { found, questions } = await loadLesson(params);
  const n = questionIndex(new URL(request.url).searchParams.get("n"), questions.length);
  const q = questions[n];
  return {
    course: { slug: found.course.slug, title: found.course.title },
    module: { slug: found.module.slug, title: found.module.title },
    lesson: { slug: found.lesson.slug, title: found.lesson.title },
    n,
    total: questions.length,
    question: q
      ? {
          id: q.id,
          type: q.type,
          prompt: q.prompt,
          options: presentedOptions(q, q.id),
          unit: q.numeric?.unit ?? null,
        }
      : null,
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { questions } = await loadLesson(params);
  const parsed = parsePracticeForm(Object.fromEntries(await readForm(request)));
  if (!parsed.success) {
    return Response.json({ error: "That answer could not be read. Please try again." }, { status: 400 });
  }
  const question = questions.find((q) => q.id === parsed.data.questionId);
  if (!question) {
    return Response.json({ error: "That question is not part of this lesson any more." }, { status: 400 });
  }
  const result = gradeResponse(question, parsed.data.response);
  if (result.verdict === "invalid") {
    return Response.json({ error: result.message, field: "response", questionId: question.id }, { status: 400 });
  }
  return {
    questionId: question.id,
    response: parsed.data.response,
    correct: isRight(result.verdict),
    message: result.message,
    expected: result.expected,
    sourceSentence: question.sourceSentence,
    explanation: question.explanation,
  };
}

type ActionResult =
  | { error: string; field?: "response"; questionId?: string }
  | { questionId: string; response: string; correct: boolean; message: string | null; expected: string; sourceSentence: string; explanation: string };

export default function PracticePage() {
  const { course, module, lesson, n, total, question } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const lessonUrl = `/courses/${course.slug}/${module.slug}/${lesson.slug}`;
  const answered = actionData && "correct" in actionData && question && actionData.questionId === question.id ? actionData : null;
  const refused = actionData && "error" in actionData ? actionData : null;
  const fieldError = refused?.field === "response" && refused.questionId === question?.id ? refused.error : null;
  return (
    <section className="practice">
      <Breadcrumbs
        items={[
          { to: `/courses/${course.slug}/${module.slug}`, label: module.title },
          { to: lessonUrl, label: lesson.title },
          { label: "Practice" },
        ]}
      />
      <h1>Practise: {lesson.title}</h1>
      {!question ? (
        <p>This lesson has no questions yet.</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            Question {n + 1} of {total}
          </p>
          <QuestionForm
            key={question.id}
            question={question}
            hidden={{ questionId: question.id }}
            disabled={Boolean(answered)}
            error={fieldError}
            autoFocus
          />
          {refused && !fieldError ? (
            <p role="alert" className="field-error">
              {refused.error}
            </p>
          ) : null}
          <div aria-live="polite">
            {answered ? (
              <div className={`feedback ${answered.correct ? "right" : "wrong"}`}>
                <p className={answered.correct ? "feedback-right" : "feedback-wrong"}>
                  <strong>{answered.message ?? (answered.correct ? "Right." : "Not quite.")}</strong>{" "}
                  {answered.correct ? null : (
                    <>
                      You answered “{answered.response}”. The answer is <strong>{answered.expected}</strong>.
                    </>
                  )}
                </p>
                <AnswerExplanation sourceSentence={answered.sourceSentence} explanation={answered.explanation} lead="From the lesson: " />
                <p>
                  {n + 1 < total ? (
                    <Link className="button" to={`?n=${n + 1}`} autoFocus>
                      Next question
                    </Link>
                  ) : (
                    <Link className="button" to={lessonUrl} autoFocus>
                      Done: back to the lesson
                    </Link>
                  )}
                </p>
              </div>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}
