import { browser } from '#imports';
import { TalkSummary } from '../../components/TalkSummary';
import { catalogue, talkUrl } from '../../data/catalogue';
import type { Talk } from '../../data/schema';

async function openTalk(talk: Talk) {
  await browser.tabs.create({ url: talkUrl(talk) });
  window.close();
}

export function App() {
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Talkmark</h1>
        <p class="count">{catalogue.talks.length} talks</p>
      </header>
      <ul class="talk-list" aria-label="Talks">
        {catalogue.talks.map((talk) => (
          <li key={talk.id}>
            <a
              class="talk-link"
              href={talkUrl(talk)}
              onClick={(event) => {
                event.preventDefault();
                void openTalk(talk);
              }}
            >
              <TalkSummary talk={talk} />
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
