import type { LoaderFunctionArgs } from "@remix-run/node";
import { permissionScope, requireUserWithPermission } from "~/auth.server";
import { PRIVATE_CACHE_CONTROL } from "~/entry.server";
import { cohortDashboardOnAppDb } from "~/models/cohort-progress.server";
import { dashboardCsv } from "~/teaching/export";

/** The cohort dashboard as a CSV download: the same rows, most at risk first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:cohort-progress:own");
  const now = Date.now();
  const dashboard = await cohortDashboardOnAppDb(permissionScope(user, "read:cohort-progress"), params.cohortId ?? "", now);
  if (!dashboard) throw new Response("There is no such cohort among yours.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const rows = dashboard.rows.flatMap((row) =>
    row.cells.map((cell, i) => ({ learnerName: row.learner.name, learnerEmail: row.learner.email, moduleTitle: dashboard.assignments[i]!.moduleTitle, cell })),
  );
  const day = new Date(now).toISOString().slice(0, 10);
  // The file name is ASCII by construction: the cohort's name is not in it.
  return new Response(dashboardCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cohort-progress-${day}.csv"`,
      // A resource route's response is not a page: entry.server's header is set here too.
      "Cache-Control": PRIVATE_CACHE_CONTROL,
    },
  });
}
