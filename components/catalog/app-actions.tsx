"use client";

import { useState } from "react";
import type { AppResponse } from "@/lib/schemas/catalog";
import { Button } from "../ui/button";
import { EditAppDialog } from "./app-dialog";
import { DeleteDialog } from "./delete-dialog";

/** Edit and Delete on an app's page, each shown only when the user's roles allow it. */
export function AppActions({ app, canUpdate, canDelete }: { app: AppResponse; canUpdate: boolean; canDelete: boolean }) {
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  return (
    <>
      {canUpdate ? (
        <Button variant="secondary" onClick={() => setOpen("edit")}>
          Edit
        </Button>
      ) : null}
      {canDelete ? (
        <Button variant="secondary" className="text-danger-text" onClick={() => setOpen("delete")}>
          Delete
        </Button>
      ) : null}
      {canUpdate ? <EditAppDialog app={app} open={open === "edit"} onOpenChange={(o) => setOpen(o ? "edit" : null)} /> : null}
      {canDelete ? (
        <DeleteDialog
          open={open === "delete"}
          onOpenChange={(o) => setOpen(o ? "delete" : null)}
          what={`app ${app.name}`}
          description="The app and its deployment history are removed. This cannot be undone."
          path={`/api/v1/apps/${app.id}`}
          confirmLabel="Delete app"
          redirectTo="/apps"
        />
      ) : null}
    </>
  );
}
