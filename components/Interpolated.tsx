import { type ComponentChildren, Fragment } from 'preact';
import type { MessageKey } from '../utils/i18n';
import { t } from '../utils/i18n';

// Private-use characters stand for the elements while the browser fills in the message; no translation has them.
const markers = ['\uE000', '\uE001', '\uE002'] as const;

/**
 * A message whose `$1`, `$2`… are elements (a highlighted name, a key in <kbd>) rather than text: the sentence
 * stays whole in each language, which decides where the elements go.
 */
export function Interpolated(props: { message: MessageKey; parts: ComponentChildren[] }) {
  const text = t(props.message, ...markers.slice(0, props.parts.length));
  const pieces = text.split(/([\uE000-\uE002])/);
  return (
    <>
      {pieces.map((piece, index) => {
        const marker = markers.indexOf(piece as (typeof markers)[number]);
        return <Fragment key={index}>{marker >= 0 ? props.parts[marker] : piece}</Fragment>;
      })}
    </>
  );
}
