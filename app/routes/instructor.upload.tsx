import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { FormErrorSummary, refusedForm } from "~/components/form-fields";
import { DRAFT_STATUS_LABEL } from "~/components/draft-view";
import { describeSize } from "~/content/read";
import { UPLOAD_EXTENSIONS } from "~/content/read-upload";
import { formErrors } from "~/forms/parse-form.server";
import { MAX_UPLOAD_FILES, MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_TOTAL_BYTES, readUploadForm } from "~/forms/upload-form.server";
import { createAndPrepareDraftOnAppDb } from "~/models/draft-job.server";
import { listDraftsOnAppDb } from "~/models/draft.server";

export const meta: MetaFunction = () => [{ title: "Upload material · Cairn" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:module:own");
  return {
    drafts: await listDraftsOnAppDb(permissionScope(user, "update:module"), Date.now()),
    limits: {
      files: MAX_UPLOAD_FILES,
      perFile: describeSize(MAX_UPLOAD_FILE_BYTES),
      total: describeSize(MAX_UPLOAD_TOTAL_BYTES),
      extensions: UPLOAD_EXTENSIONS.join(", "),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:module:own");
  const form = await readUploadForm(request);
  if (!form.ok) return formErrors(form);
  const draft = await createAndPrepareDraftOnAppDb({ ownerId: user.id, title: form.files[0].name, files: form.files }, Date.now());
  return redirect(`/instructor/drafts/${draft.id}`);
}

export default function UploadPage() {
  const { drafts, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refused = refusedForm(actionData);
  const sending = useNavigation().state === "submitting";
  return (
    <section className="upload">
      <h1>Upload material</h1>
      <p className="muted prose">
        Cairn reads your material into lessons and writes questions for each. You see them as a draft first: nothing reaches a learner
        until you publish it, as a new module or as a new version of one of yours.
      </p>
      <FormErrorSummary result={actionData} />
      <Form method="post" encType="multipart/form-data" noValidate className="card">
        <div className="field">
          <label htmlFor="field-files">Files</label>
          <p id="field-files-hint" className="field-hint muted">
            {limits.extensions}: up to {limits.files} files, {limits.perFile} each, {limits.total} in all. Several files make one module, in the order chosen.
          </p>
          <input
            id="field-files"
            name="files"
            type="file"
            multiple
            accept={limits.extensions.replace(/ /g, "")}
            aria-invalid={refused.fieldErrors.files ? true : undefined}
            aria-describedby={["field-files-hint", refused.fieldErrors.files ? "field-files-error" : ""].filter(Boolean).join(" ")}
          />
          {refused.fieldErrors.files ? (
            <p id="field-files-error" className="field-error">
              {refused.fieldErrors.files}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="field-text">Or paste text</label>
          <p id="field-text-hint" className="field-hint muted">
            Plain text or Markdown (# headings start lessons).
          </p>
          <textarea
            id="field-text"
            name="text"
            rows={8}
            defaultValue={refused.values.text}
            aria-invalid={refused.fieldErrors.text ? true : undefined}
            aria-describedby={["field-text-hint", refused.fieldErrors.text ? "field-text-error" : ""].filter(Boolean).join(" ")}
          />
          {refused.fieldErrors.text ? (
            <p id="field-text-error" className="field-error">
              {refused.fieldErrors.text}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={sending}>
          {sending ? "Uploading…" : "Upload and prepare a draft"}
        </button>
      </Form>
      {drafts.length > 0 ? (
        <>
          <h2>Your drafts</h2>
          <ul className="list-plain">
            {drafts.map((d) => (
              <li key={d.id}>
                <Link to={`/instructor/drafts/${d.id}`}>{d.title}</Link> <span className="muted">· {DRAFT_STATUS_LABEL[d.status]}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
