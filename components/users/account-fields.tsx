"use client";

import { useFormContext } from "react-hook-form";
import { FormPassword, FormText } from "../ui/form";

/**
 * Email, name and password of a new account, inside a Form whose values have these three: the
 * first super admin's own (setup: the browser may fill and save them) or one a super admin adds.
 */
export function AccountFields({
  own,
  passwordHint,
  passwordLabel = "Password",
  readOnly,
}: {
  own: boolean;
  passwordHint: string;
  passwordLabel?: string;
  readOnly?: boolean;
}) {
  const { control } = useFormContext<{ email: string; name: string; password: string }>();
  const fill = (autoComplete: string) => (own ? autoComplete : "off");
  return (
    <>
      <FormText
        control={control}
        name="email"
        label="Email"
        type="email"
        autoComplete={fill("email")}
        autoFocus={own}
        readOnly={readOnly}
      />
      <FormText control={control} name="name" label="Name" autoComplete={fill("name")} readOnly={readOnly} />
      <FormPassword
        control={control}
        name="password"
        label={passwordLabel}
        autoComplete="new-password"
        hint={passwordHint}
        readOnly={readOnly}
      />
    </>
  );
}
