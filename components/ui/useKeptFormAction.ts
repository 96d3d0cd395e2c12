"use client";

import { startTransition, useActionState, type FormEvent } from "react";

/**
 * Like useActionState, but submitting through onSubmit so React does not reset
 * the form afterwards: when the server answers with errors, what the person
 * typed is still there to fix.
 */
export function useKeptFormAction<S>(action: (state: Awaited<S>, formData: FormData) => S | Promise<S>, initialState: Awaited<S>) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return [state, onSubmit, pending] as const;
}
