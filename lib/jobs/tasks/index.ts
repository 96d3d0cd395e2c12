import type { TaskName } from "../queue";
import type { TaskHandler } from "../context";
import { deliverEmail } from "./deliver-email";
import { maintenance } from "./maintenance";
import { noShow } from "./no-show";
import { cancelAuthorization, capturePayment, expireSession, refundPayment, transferPayment } from "./payments";
import { releaseHold } from "./release-hold";
import { sendReminder } from "./send-reminder";
import { expireSlotMoveTask } from "./slot-moves";
import { expireSubstitutionTask } from "./substitutions";

/** Every task the worker runs, by the name jobs are queued under. */
export const TASKS: Record<TaskName, TaskHandler> = {
  "deliver-email": deliverEmail,
  "send-reminder": sendReminder,
  "no-show": noShow,
  "release-hold": releaseHold,
  maintenance,
  "capture-payment": capturePayment,
  "transfer-to-shop": transferPayment,
  "refund-order": refundPayment,
  "cancel-authorization": cancelAuthorization,
  "expire-session": expireSession,
  "expire-substitution": expireSubstitutionTask,
  "expire-slot-move": expireSlotMoveTask,
};
