import { describe, expect, it } from 'vitest';
import { roomFor } from './rooms';

describe('roomFor', () => {
  it.each([
    ['public', 'conversation:c1'],
    ['facilitators', 'conversation:c1:facilitators'],
    ['analysts', 'conversation:c1:analysts'],
    ['user:u7', 'user:u7'],
  ] as const)('sends a %s event to %s', (audience, room) => {
    expect(roomFor('c1', audience)).toBe(room);
  });
});
