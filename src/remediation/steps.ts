// The shape of a playbook step and its commands, shared by the playbook (playbook.ts) and the per-kind steps
// (credentials.ts), which build steps of their own; its own module so that neither imports the other's code.
import type { ReferenceId } from './references.js';

export interface Command {
  /** What the command does, one line. */
  label: string;
  /** POSIX shell (bash/zsh), ready to paste. */
  script: string;
}

export interface Step {
  /** 1–5, the documented order. */
  number: number;
  id:
    | 'remove-leaked-data'
    | 'identify-key'
    | 'delete-key'
    | 'revoke-sessions'
    | 'notify-owner'
    | 'check-unauthorized-use'
    | 'rotate-all-keys'
    | 'prevent'
    | 'delete-service-credential'
    | 'delete-cloudfront-key-pair'
    | 'delete-appsync-key'
    | 'remove-console-password';
  title: string;
  text: string[];
  commands: Command[];
  warnings: string[];
  references: ReferenceId[];
  /** Set when an earlier key in this playbook already has the same account-wide step. */
  sameAs?: { keyId: string; step: number };
}
