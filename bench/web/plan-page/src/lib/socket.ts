// The plan imports `socket` from '@/lib/socket' but does not show that file.
// This is the usual one: a module-level socket.io-client socket on the
// gateway's namespace, with the admin token in the auth object. The gateway
// URL and token come from the page's query string (?gateway=...&token=...).
// The websocket transport is used from the start, as Meeting Monitor does, so
// that both consumers receive over the same transport.
import { io } from 'socket.io-client';

const params = new URLSearchParams(window.location.search);
const gateway = params.get('gateway') ?? 'http://127.0.0.1:3000';

export const socket = io(`${gateway}/meeting-metrics`, {
  auth: { token: params.get('token') ?? '' },
  transports: ['websocket'],
});

// The benchmark's counter hook, outside the page's state logic: onAny
// listeners run in the same dispatch as the page's own handlers, so this
// counts the messages the page's handlers processed.
declare global {
  interface Window {
    __received: number;
    __alerts: number;
  }
}
window.__received = 0;
window.__alerts = 0;
socket.onAny((event: string) => {
  if (event === 'meeting:metrics:update') window.__received += 1;
  else if (event === 'meeting:alerts') window.__alerts += 1;
});
