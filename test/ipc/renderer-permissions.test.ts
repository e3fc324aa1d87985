import { expect, it } from 'vitest';
import { GUARDED_ACTIONS, neededRole } from '../../renderer/app/permissions.ts';
import { contract } from '../../shared/ipc/index.ts';

// The screens hide what main would refuse; a role copied wrong would show a button main refuses
// or hide one it allows. Every guarded action the screens know must match the contract.

it.each(GUARDED_ACTIONS)('the screens ask for the role main requires for %s', (action) => {
  expect(neededRole(action)).toBe(contract[action].access);
});
