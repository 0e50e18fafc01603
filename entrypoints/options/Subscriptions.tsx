import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { Notice, type NoticeContent } from '../../components';
import { formatDateTime, formatList, messageOf, plural, say, t } from '../../utils/i18n';
import { askBackground, SUBSCRIPTIONS_KEY, watchStorageKey } from '../../utils/messaging';
import { type ChangeSummary, type Subscription, subscriptionAddress } from '../../utils/subscriptions';
import { quoteFromFile } from '../../utils/text';

/** The subscriptions, as the background keeps them, updated as they change (a refresh, a site withdrawn). */
export function useSubscriptions(): ReadonlyMap<string, Subscription> {
  const [all, setAll] = useState<ReadonlyMap<string, Subscription>>(new Map());
  useEffect(() => {
    const show = (value: unknown) =>
      setAll(new Map((Array.isArray(value) ? (value as Subscription[]) : []).map((each) => [each.catalogueId, each])));
    void browser.storage.local.get(SUBSCRIPTIONS_KEY).then((stored) => show(stored[SUBSCRIPTIONS_KEY]));
    return watchStorageKey('local', SUBSCRIPTIONS_KEY, show);
  }, []);
  return all;
}

/**
 * A schedule's address, subscribed to: the browser is asked for that one site straight from the person's click
 * or Enter (a browser refuses a request made after anything was awaited), then the background fetches it.
 */
export function SubscribeForm() {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeContent>();

  const subscribe = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const checked = subscriptionAddress(address);
    if (!checked.ok) {
      setNotice({ kind: 'error', text: say(checked.error) });
      return;
    }
    const host = new URL(checked.url).host;
    // No await before this line: the permission request must come from the person's own input.
    const asked = browser.permissions.request({ origins: [checked.site] });
    setBusy(true);
    setNotice({ kind: 'info', text: t('subscribe_asking', host) });
    void (async () => {
      try {
        if (!(await asked)) {
          setNotice({ kind: 'error', text: t('subscribe_refused', host) });
          return;
        }
        setNotice({ kind: 'info', text: t('subscribe_fetching', host) });
        const done = await askBackground({ type: 'subscriptions/add', url: checked.url });
        setAddress('');
        setNotice({ kind: 'success', text: subscribedSentence(done) });
      } catch (error) {
        setNotice({ kind: 'error', text: t('nothing_imported', messageOf(error)) });
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    // Checked here, not by the browser: its bubble would say less, and not in the page's language.
    <form class="subscribe" onSubmit={subscribe} noValidate>
      <label for="subscribe-address">{t('subscribe_label')}</label>
      <div class="tool-row">
        <input
          id="subscribe-address"
          type="url"
          // An address reads left to right, in an Arabic page too.
          dir="ltr"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="https://fosdem.org/2026/schedule/xml"
          aria-describedby="subscribe-hint"
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('subscribe_button')}
        </button>
      </div>
      <p id="subscribe-hint" class="hint">
        {t('subscribe_hint')}
      </p>
      <Notice notice={notice} />
    </form>
  );
}

function subscribedSentence(done: { name: string; talkCount: number; replaced: boolean }): string {
  const imported = plural(
    done.replaced ? 'replaced_catalogue' : 'imported_catalogue',
    done.talkCount,
    quoteFromFile(done.name),
  );
  return `${imported} ${t('subscribed_daily')}`;
}

/** Under a subscribed catalogue's row: when it was checked and what changed, or what went wrong; refresh, stop. */
export function SubscriptionRow(props: { subscription: Subscription; name: string; columns: number }) {
  const { subscription, name } = props;
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const act = async (request: Parameters<typeof askBackground>[0]) => {
    setChecking(true);
    setProblem(undefined);
    try {
      await askBackground(request);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setChecking(false);
    }
  };
  const other = subscription.otherConference;
  return (
    <tr class="subscription-row">
      <td colSpan={props.columns}>
        <p class="subscription-status" role="status">
          {checking ? t('subscription_refreshing') : statusSentences(subscription).join(' ')}
          {problem ? ` ${problem}` : ''}
        </p>
        <div class="actions">
          {other ? (
            <button
              type="button"
              class="button"
              disabled={checking}
              onClick={() => void act({ type: 'subscriptions/adopt', catalogueId: subscription.catalogueId })}
            >
              {t('subscription_adopt', other.name)}
            </button>
          ) : null}
          <button
            type="button"
            class="button"
            disabled={checking}
            aria-label={t('subscription_refresh_label', name)}
            onClick={() => void act({ type: 'subscriptions/refresh', catalogueId: subscription.catalogueId })}
          >
            {t('subscription_refresh')}
          </button>
          <button
            type="button"
            class="button"
            disabled={checking}
            aria-label={t('subscription_unsubscribe_label', name)}
            onClick={() => void act({ type: 'subscriptions/remove', catalogueId: subscription.catalogueId })}
          >
            {t('subscription_unsubscribe')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** What a subscription's row says, one whole sentence at a time. */
export function statusSentences(subscription: Subscription): string[] {
  const sentences: string[] = [];
  if (subscription.paused) sentences.push(t('subscription_paused'));
  if (subscription.problem) sentences.push(say(subscription.problem));
  if (subscription.checkedAt) sentences.push(t('subscription_checked', formatDateTime(subscription.checkedAt)));
  if (subscription.changes && subscription.changedAt) {
    sentences.push(
      t('subscription_changed', formatDateTime(subscription.changedAt), changeWords(subscription.changes)),
    );
    if (subscription.changes.starred.length)
      sentences.push(
        t('subscription_starred_changed', formatList(subscription.changes.starred.map((title) => t('quoted', title)))),
      );
  } else if (!subscription.problem && !subscription.paused) sentences.push(t('subscription_unchanged'));
  return sentences;
}

/** "3 new recordings, 1 talk removed, 2 talks rescheduled". */
function changeWords(changes: ChangeSummary): string {
  const parts = [
    changes.newRecordings ? plural('change_recordings', changes.newRecordings) : '',
    changes.added ? plural('change_added', changes.added) : '',
    changes.removed ? plural('change_removed', changes.removed) : '',
    changes.rescheduled ? plural('change_rescheduled', changes.rescheduled) : '',
  ];
  return formatList(parts.filter(Boolean));
}
