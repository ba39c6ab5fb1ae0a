import type { Comment, PersonalDataExport } from '@razgovor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../../../test/support/system';
import { ConversationFixtures } from './conversations.fixtures';

describe('personal data', () => {
  let system: TestSystem;
  let fixtures: ConversationFixtures;

  beforeAll(async () => {
    system = await startSystem({ withWorker: false });
    fixtures = new ConversationFixtures(system);
  });
  afterAll(async () => {
    await system.stop();
  });

  it('hands a person their comments and stances in the export', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const reader = await fixtures.person();
    const posted = await author.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Пейки и сянка в Южния парк',
    });
    const comment = posted.body as Comment;
    await reader.client.put(`/api/comments/${comment.id}/stance`, { stance: 'agree' });

    const mine = (await author.client.get('/api/me/export')).body as PersonalDataExport;
    const theirs = (await reader.client.get('/api/me/export')).body as PersonalDataExport;

    expect(mine.comments).toEqual([
      expect.objectContaining({ id: comment.id, body: 'Пейки и сянка в Южния парк' }),
    ]);
    expect(theirs.comments).toEqual([]);
    expect(theirs.stances).toEqual([
      expect.objectContaining({ commentId: comment.id, stance: 'agree' }),
    ]);
  });

  it('keeps the comments of an erased account, attributed to a deleted participant', async () => {
    const { topic } = await fixtures.openTopic();
    const author = await fixtures.person();
    const posted = await author.client.post(`/api/topics/${topic.id}/comments`, {
      body: 'Коментар, който остава',
    });
    const comment = posted.body as Comment;
    const me = (await author.client.get('/api/me')).body as { email: string; displayName: string };

    await author.client.delete('/api/me', { password: 'a password for talking' });
    const thread = await system.client().get(`/api/comments/${comment.id}`);

    expect(JSON.stringify(thread.body)).toContain('Коментар, който остава');
    expect(JSON.stringify(thread.body)).not.toContain(me.email);
    expect(JSON.stringify(thread.body)).not.toContain(me.displayName);
  });
});
