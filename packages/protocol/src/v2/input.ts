/**
 * What a user sends into a turn: text (with UI-marked spans), images, audio,
 * skills and mentions, plus the small range types used to point into text.
 * @module
 */

/**
 * The level of detail at which an image is handed to the model.
 * `original` keeps the image at its uploaded resolution.
 */
export type ImageDetail = 'auto' | 'low' | 'high' | 'original';

/** A half-open span `[start, end)` measured in UTF-8 bytes. */
export interface ByteRange {
  /**
   * Offset of the first byte in the span.
   * @format uint
   */
  start: number;
  /**
   * Offset just past the last byte in the span.
   * @format uint
   */
  end: number;
}

/** A position in a text document, as a line and a column. */
export interface TextPosition {
  /**
   * Line number.
   * @format uint
   */
  line: number;
  /**
   * Column within the line.
   * @format uint
   */
  column: number;
}

/** A span of a text document between two positions. */
export interface TextRange {
  /** Where the span begins. */
  start: TextPosition;
  /** Where the span ends. */
  end: TextPosition;
}

/**
 * A span of a text input that the client's UI treats specially (for example a
 * pasted attachment shown as a chip), so it can be rendered again later.
 */
export interface TextElement {
  /** The bytes of the surrounding `text` this element covers. */
  byteRange: ByteRange;
  /** Short label the UI shows in place of the span, if it has one. */
  placeholder: string | null;
}

/**
 * One piece of user input, tagged by `type`:
 *
 * - `text`: plain text, optionally with UI-marked spans in `text_elements`.
 * - `image`: an image given either by `url` or by an uploaded `fileId`.
 * - `localImage`: an image file on the server's machine, by `path`.
 * - `audio`: an audio clip given either by `url` or by an uploaded `fileId`.
 * - `localAudio`: an audio file on the server's machine, by `path`.
 * - `skill`: invokes a named skill whose definition lives at `path`.
 * - `mention`: refers to a named resource (such as an app or plugin) at `path`.
 */
export type UserInput =
  | {
      type: 'text';
      text: string;
      /**
       * Spans of `text` that the UI rendered as special elements; absent means none.
       * @default []
       */
      text_elements: TextElement[];
    }
  | ({
      type: 'image';
      /**
       * Requested image detail; absent or `null` lets the server decide.
       * @nullableInSchema
       */
      detail?: ImageDetail;
    } & ({ url: string } | { fileId: string }))
  | {
      type: 'localImage';
      /**
       * Requested image detail; absent or `null` lets the server decide.
       * @nullableInSchema
       */
      detail?: ImageDetail;
      path: string;
    }
  | ({ type: 'audio' } & ({ url: string } | { fileId: string }))
  | { type: 'localAudio'; path: string }
  | { type: 'skill'; name: string; path: string }
  | { type: 'mention'; name: string; path: string };
