"use client";

import { useWatch } from "react-hook-form";
import { createDeploymentInput, type DeploymentResponse } from "@/lib/schemas/catalog";
import { FormDialog } from "../ui/dialog";
import { bodySchema, DialogFormFooter, Form, FormSelect, FormText, useApiForm, useFinish } from "../ui/form";
import { FormAlert } from "../ui/form-field";

type DeployDialogProps = {
  appId: number;
  appName: string;
  /** Those this user may deploy the app to (trigger or stronger there). */
  environments: string[];
  productionEnvironments: string[];
};

const schema = bodySchema((v: { environment: string; image: string }) => v, createDeploymentInput);

export function DeployDialog(props: DeployDialogProps) {
  return (
    <FormDialog
      trigger="Deploy to environment"
      title={`Deploy ${props.appName}`}
      description="Triggers a deployment of an image to one environment."
    >
      {(close) => <DeployForm {...props} onDone={close} />}
    </FormDialog>
  );
}

function DeployForm({ appId, appName, environments, productionEnvironments, onDone }: DeployDialogProps & { onDone: () => void }) {
  const form = useApiForm(schema, { environment: environments.length === 1 ? environments[0]! : "", image: "" });
  const finish = useFinish(onDone);
  const environment = useWatch({ control: form.control, name: "environment" });
  const onSaved = (deployment: DeploymentResponse) =>
    finish({ title: `Deployed ${appName} to ${deployment.environment}`, description: deployment.image || undefined });
  const options = environments.map((e) => ({ value: e, label: productionEnvironments.includes(e) ? `${e} (production)` : e }));
  return (
    <Form form={form} onSubmit={form.submitTo("POST", `/api/v1/apps/${appId}/deployments`, onSaved)}>
      <FormSelect control={form.control} name="environment" label="Environment" placeholder="Choose an environment" options={options} />
      {productionEnvironments.includes(environment) ? <FormAlert tone="info">{environment} is a production environment.</FormAlert> : null}
      <FormText
        control={form.control}
        name="image"
        label="Image"
        autoComplete="off"
        placeholder="registry.example.com/app:1.2.3"
        hint="The container image to deploy. Optional."
      />
      <DialogFormFooter submitLabel="Deploy" />
    </Form>
  );
}
