import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { permissionScope, requireUserWithPermission, userHasPermission, type SessionUser } from "~/auth.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { DraftLessons, DraftProgress, VersionDiffView } from "~/components/draft-view";
import { Field, FormErrorSummary, refusedForm } from "~/components/form-fields";
import { NEW_COURSE } from "~/forms/draft-fields";
import { draftActionSchema, publishTarget } from "~/forms/draft-form.server";
import { formErrors, parseForm } from "~/forms/parse-form.server";
import { TITLE_MAX } from "~/forms/upload-form.server";
import { retryAndPrepareDraftOnAppDb } from "~/models/draft-job.server";
import { publishDraftOnAppDb, publishedPlaceOnAppDb, publishTargetsOnAppDb, versionPreviewOnAppDb } from "~/models/draft-publish.server";
import { discardDraftOnAppDb, findDraftOnAppDb } from "~/models/draft.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.draft.title ?? "Draft"} · Cairn` }];

const plainText = { "Content-Type": "text/plain; charset=utf-8" };
const notFound = (what = "draft") => new Response(`There is no such ${what} among yours.`, { status: 404, headers: plainText });
const forbidden = () => new Response("You do not have permission to do this.", { status: 403, headers: plainText });

/** Drafts are the instructor's own; an admin's "any" reaches everyone's. */
const scopeOf = (user: SessionUser) => permissionScope(user, "update:module");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:module:own");
  const scope = scopeOf(user);
  const found = await findDraftOnAppDb(scope, params.draftId ?? "", Date.now());
  if (!found) throw notFound();
  const { summary, ...draft } = found;
  const versionOf = new URL(request.url).searchParams.get("versionOf") ?? "";
  const ready = draft.status === "ready";
  const targets = ready ? await publishTargetsOnAppDb(scope) : null;
  const diff = ready && versionOf ? await versionPreviewOnAppDb(scope, draft.id, versionOf) : null;
  return {
    draft: { id: draft.id, title: draft.title, status: draft.status, stage: draft.stage, progress: draft.progress, error: draft.error, sourceNames: draft.sourceNames },
    summary,
    targets,
    versionOf,
    diff,
    versionTarget: diff ? targets?.modules.find((m) => m.id === versionOf) ?? null : null,
    published: draft.publishedModuleId ? await publishedPlaceOnAppDb(draft.publishedModuleId) : null,
    titleMax: TITLE_MAX,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:module:own");
  const form = await parseForm(request, draftActionSchema);
  if (!form.ok) return form.response;
  const scope = scopeOf(user);
  const draftId = params.draftId ?? "";
  const now = Date.now();
  // Another instructor's draft answers as a missing one, whatever is asked of it.
  if (!(await findDraftOnAppDb(scope, draftId, now))) throw notFound();
  const intent = form.data;
  if (intent.intent === "retry") {
    if (!(await retryAndPrepareDraftOnAppDb(scope, draftId, now))) {
      return formErrors({ formError: "Only a failed draft whose files are kept can be tried again; upload the material again." });
    }
    return redirect(`/instructor/drafts/${draftId}`);
  }
  if (intent.intent === "discard") {
    if (!(await discardDraftOnAppDb(scope, draftId))) return formErrors({ formError: "A published draft stays as the record of what was published." });
    return redirect("/instructor/upload");
  }
  if (intent.intent === "version" && !userHasPermission(user, "update:module:own")) throw forbidden();
  if (intent.intent === "publish" && intent.courseId === NEW_COURSE && !userHasPermission(user, "create:course:own")) throw forbidden();
  const result = await publishDraftOnAppDb(scope, draftId, publishTarget(intent), now);
  if (!result.ok && result.reason === "no-target") throw notFound(intent.intent === "version" ? "module" : "course");
  if (!result.ok) {
    return formErrors({ formError: "This draft cannot be published now: it is still being prepared, it failed, or it was published already.", values: form.values }, 409);
  }
  return redirect(`/courses/${result.courseSlug}/${result.moduleSlug}`);
}

/** While the draft is prepared: the page asks again every second with JavaScript, and refreshes itself every two without. */
function useRefreshWhile(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

export default function DraftPage() {
  const { draft, summary, targets, versionOf, diff, versionTarget, published, titleMax } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const busy = useNavigation().state !== "idle";
  useRefreshWhile(draft.status === "processing");
  const courses = targets?.courses ?? [];
  return (
    <section className="draft">
      <Breadcrumbs items={[{ to: "/instructor/upload", label: "Upload material" }, { label: "Draft" }]} />
      <h1>{draft.title}</h1>
      <p className="muted">From {draft.sourceNames.join(", ")}</p>
      <FormErrorSummary result={actionData} />

      {draft.status === "processing" ? (
        <>
          <noscript>
            <meta httpEquiv="refresh" content="2" />
          </noscript>
          <DraftProgress stage={draft.stage} progress={draft.progress} />
        </>
      ) : null}

      {draft.status === "failed" ? (
        <div className="card">
          <h2>This draft could not be prepared</h2>
          <p className="field-error">{draft.error}</p>
          <p className="muted">Your courses are unchanged.</p>
          <Form method="post" className="inline-form">
            <button type="submit" name="intent" value="retry" className="secondary">
              Try again
            </button>{" "}
            <button type="submit" name="intent" value="discard" className="secondary">
              Discard
            </button>{" "}
            <Link to="/instructor/upload">Upload other material</Link>
          </Form>
        </div>
      ) : null}

      {draft.status === "published" ? (
        <p className="card">
          Published
          {published ? (
            <>
              {" "}
              as version {published.version} of{" "}
              <Link to={`/courses/${published.courseSlug}/${published.moduleSlug}`}>{published.moduleTitle}</Link> in {published.courseTitle}.
            </>
          ) : (
            "."
          )}
        </p>
      ) : null}

      {draft.status === "ready" && targets ? (
        <>
          <h2>Publish</h2>
          <Form method="post" noValidate className="card">
            <h3>As a new module</h3>
            <div className="field">
              <label htmlFor="field-courseId">Course</label>
              <select id="field-courseId" name="courseId" defaultValue={refused.values.courseId ?? courses[0]?.id ?? NEW_COURSE}>
                {courses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
                <option value={NEW_COURSE}>A new course…</option>
              </select>
            </div>
            <Field
              name="courseTitle"
              label="New course title"
              hint="Only when publishing into a new course."
              autoComplete="off"
              required={false}
              maxLength={titleMax}
              defaultValue={refused.values.courseTitle}
              error={refused.fieldErrors.courseTitle}
            />
            <Field name="title" label="Module title" autoComplete="off" maxLength={titleMax} defaultValue={refused.values.title ?? draft.title} error={refused.fieldErrors.title} />
            <button type="submit" name="intent" value="publish" disabled={busy}>
              Publish as a new module
            </button>
          </Form>

          {targets.modules.length > 0 ? (
            <div className="card">
              <h3>As a new version of a module</h3>
              <p className="muted">Questions that stay the same keep learners&apos; history; questions that are gone are retired, never deleted.</p>
              <Form method="get">
                <div className="field">
                  <label htmlFor="field-versionOf">Module</label>
                  <select id="field-versionOf" name="versionOf" defaultValue={versionOf}>
                    {targets.modules.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.courseTitle}: {m.title} (version {m.version})
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="secondary">
                  Show what would change
                </button>
              </Form>
              {versionOf && !diff ? <p className="field-error">There is no such module among yours.</p> : null}
              {diff && versionTarget ? (
                <>
                  <VersionDiffView diff={diff} />
                  <Form method="post">
                    <input type="hidden" name="moduleId" value={versionTarget.id} />
                    <button type="submit" name="intent" value="version" disabled={busy}>
                      Publish as version {versionTarget.version + 1} of {versionTarget.title}
                    </button>
                  </Form>
                </>
              ) : null}
            </div>
          ) : null}

          <h2>Lessons and questions</h2>
          {summary ? <DraftLessons summary={summary} /> : null}
          <Form method="post">
            <button type="submit" name="intent" value="discard" className="secondary">
              Discard this draft
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
