import { eventOf, formatTimestamp, KIND_LABELS, speakersOf } from '../data/catalogue';
import type { Talk } from '../data/schema';

/** The facts a person needs to recognise a talk: kind, title, who gave it, where. */
export function TalkSummary({ talk }: { talk: Talk }) {
  const speakers = speakersOf(talk);
  const event = eventOf(talk);
  return (
    <div class="talk-summary">
      <p class="talk-meta">
        <span class={`kind kind-${talk.kind}`}>{KIND_LABELS[talk.kind]}</span>
        {talk.startSeconds ? <span> · starts at {formatTimestamp(talk.startSeconds)}</span> : null}
      </p>
      <p class="talk-title">{talk.title}</p>
      <p class="talk-speakers">
        {speakers.map((speaker, index) => (
          <span key={speaker.id}>
            {index > 0 ? ', ' : ''}
            {speaker.name} <span class="organisation">({speaker.organisation})</span>
          </span>
        ))}
      </p>
      {event ? <p class="talk-event">{event.name}</p> : null}
    </div>
  );
}
