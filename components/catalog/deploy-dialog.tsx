"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { createDeploymentInput, type DeploymentResponse } from "@/lib/schemas/catalog";
import { fieldErrorsOfIssues } from "../api-request";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "../ui/dialog";
import { FormAlert, TextField } from "../ui/form-field";
import { useToast } from "../ui/toast";
import { useFocusFirstError } from "../ui/use-focus-first-error";
import { SelectField } from "./form-controls";
import { useApiForm } from "./use-api-form";

/** `environments` are those this user may deploy the app to (trigger or stronger there). */
export function DeployDialog({
  appId,
  appName,
  environments,
  productionEnvironments,
}: {
  appId: number;
  appName: string;
  environments: string[];
  productionEnvironments: string[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Deploy to environment</Button>
      </DialogTrigger>
      <DialogContent title={`Deploy ${appName}`} description="Triggers a deployment of an image to one environment.">
        {open ? (
          <DeployForm
            appId={appId}
            appName={appName}
            environments={environments}
            productionEnvironments={productionEnvironments}
            onDone={() => setOpen(false)}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function DeployForm({
  appId,
  appName,
  environments,
  productionEnvironments,
  onDone,
}: {
  appId: number;
  appName: string;
  environments: string[];
  productionEnvironments: string[];
  onDone: () => void;
}) {
  const router = useRouter();
  const { toast } = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [environment, setEnvironment] = useState(environments.length === 1 ? environments[0]! : "");
  const [image, setImage] = useState("");
  const { pending, errors, setErrors, alert, send } = useApiForm();
  useFocusFirstError(formRef, errors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createDeploymentInput.safeParse({ environment, image });
    if (!parsed.success) return setErrors(fieldErrorsOfIssues(parsed.error.issues));
    const deployment = await send<DeploymentResponse>(`/api/v1/apps/${appId}/deployments`, { method: "POST", body: parsed.data }, [
      "environment",
      "image",
    ]);
    if (!deployment) return;
    toast({ tone: "success", title: `Deployed ${appName} to ${deployment.environment}`, description: deployment.image || undefined });
    onDone();
    router.refresh();
  }

  const options = environments.map((e) => ({ value: e, label: productionEnvironments.includes(e) ? `${e} (production)` : e }));
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormAlert>{alert}</FormAlert>
      <SelectField
        label="Environment"
        placeholder="Choose an environment"
        options={options}
        value={environment}
        onChange={(e) => setEnvironment(e.target.value)}
        error={errors.environment}
      />
      {productionEnvironments.includes(environment) ? <FormAlert tone="info">{environment} is a production environment.</FormAlert> : null}
      <TextField
        label="Image"
        name="image"
        autoComplete="off"
        placeholder="registry.example.com/app:1.2.3"
        value={image}
        onChange={(e) => setImage(e.target.value)}
        hint="The container image to deploy. Optional."
        error={errors.image}
      />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>
          Deploy
        </Button>
      </DialogFooter>
    </form>
  );
}
