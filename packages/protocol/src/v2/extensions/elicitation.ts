/**
 * MCP elicitations: an MCP server asks the user for input (a form, a URL to
 * visit, a verification) through `mcpServer/elicitation/request`, and the form
 * schemas such a request may carry.
 * @module
 */
import type { JsonValue } from '../../jsonrpc.js';

/** The `type` of an elicitation form: always `object`. */
export type McpElicitationObjectType = 'object';

/** The `type` of a text or single-choice form field: `string`. */
export type McpElicitationStringType = 'string';

/** The `type` of a multiple-choice form field: `array`. */
export type McpElicitationArrayType = 'array';

/** The `type` of a yes/no form field: `boolean`. */
export type McpElicitationBooleanType = 'boolean';

/** The `type` of a numeric form field: any number or whole numbers only. */
export type McpElicitationNumberType = 'number' | 'integer';

/** Formats a text form field may require. */
export type McpElicitationStringFormat = 'email' | 'uri' | 'date' | 'date-time';

/**
 * A text form field.
 * @additionalProperties false
 */
export interface McpElicitationStringSchema {
  default?: string | null;
  description?: string | null;
  format?: McpElicitationStringFormat | null;
  /**
   * Longest accepted text.
   * @format uint32
   */
  maxLength?: number | null;
  /**
   * Shortest accepted text.
   * @format uint32
   */
  minLength?: number | null;
  title?: string | null;
  type: McpElicitationStringType;
}

/**
 * A numeric form field.
 * @additionalProperties false
 */
export interface McpElicitationNumberSchema {
  /** @format double */
  default?: number | null;
  description?: string | null;
  /**
   * Largest accepted value.
   * @format double
   */
  maximum?: number | null;
  /**
   * Smallest accepted value.
   * @format double
   */
  minimum?: number | null;
  title?: string | null;
  type: McpElicitationNumberType;
}

/**
 * A yes/no form field.
 * @additionalProperties false
 */
export interface McpElicitationBooleanSchema {
  default?: boolean | null;
  description?: string | null;
  title?: string | null;
  type: McpElicitationBooleanType;
}

/**
 * One choice with a display label: `const` is the value sent back, `title` what the user sees.
 * @additionalProperties false
 */
export interface McpElicitationConstOption {
  const: string;
  title: string;
}

/**
 * A single-choice field whose choices are bare values.
 * @additionalProperties false
 */
export interface McpElicitationUntitledSingleSelectEnumSchema {
  default?: string | null;
  description?: string | null;
  /** The values to choose from. */
  enum: string[];
  title?: string | null;
  type: McpElicitationStringType;
}

/**
 * A single-choice field whose choices carry display labels.
 * @additionalProperties false
 */
export interface McpElicitationTitledSingleSelectEnumSchema {
  default?: string | null;
  description?: string | null;
  /** The choices to pick one of. */
  oneOf: McpElicitationConstOption[];
  title?: string | null;
  type: McpElicitationStringType;
}

/** A single-choice form field, with or without labels. */
export type McpElicitationSingleSelectEnumSchema =
  McpElicitationUntitledSingleSelectEnumSchema | McpElicitationTitledSingleSelectEnumSchema;

/**
 * The item schema of a multiple-choice field whose choices are bare values.
 * @additionalProperties false
 */
export interface McpElicitationUntitledEnumItems {
  enum: string[];
  type: McpElicitationStringType;
}

/**
 * The item schema of a multiple-choice field whose choices carry labels.
 * @additionalProperties false
 */
export interface McpElicitationTitledEnumItems {
  anyOf: McpElicitationConstOption[];
}

/**
 * A multiple-choice field whose choices are bare values.
 * @additionalProperties false
 */
export interface McpElicitationUntitledMultiSelectEnumSchema {
  default?: string[] | null;
  description?: string | null;
  items: McpElicitationUntitledEnumItems;
  /**
   * Most choices the user may pick.
   * @format uint64
   */
  maxItems?: number | null;
  /**
   * Fewest choices the user must pick.
   * @format uint64
   */
  minItems?: number | null;
  title?: string | null;
  type: McpElicitationArrayType;
}

/**
 * A multiple-choice field whose choices carry labels.
 * @additionalProperties false
 */
export interface McpElicitationTitledMultiSelectEnumSchema {
  default?: string[] | null;
  description?: string | null;
  items: McpElicitationTitledEnumItems;
  /**
   * Most choices the user may pick.
   * @format uint64
   */
  maxItems?: number | null;
  /**
   * Fewest choices the user must pick.
   * @format uint64
   */
  minItems?: number | null;
  title?: string | null;
  type: McpElicitationArrayType;
}

/** A multiple-choice form field, with or without labels. */
export type McpElicitationMultiSelectEnumSchema =
  McpElicitationUntitledMultiSelectEnumSchema | McpElicitationTitledMultiSelectEnumSchema;

/**
 * The older way to label single-choice values: a parallel `enumNames` list.
 * @additionalProperties false
 */
export interface McpElicitationLegacyTitledEnumSchema {
  default?: string | null;
  description?: string | null;
  enum: string[];
  /** Display labels, one per entry of `enum`. */
  enumNames?: string[] | null;
  title?: string | null;
  type: McpElicitationStringType;
}

/** Any choice form field. */
export type McpElicitationEnumSchema =
  McpElicitationSingleSelectEnumSchema | McpElicitationMultiSelectEnumSchema | McpElicitationLegacyTitledEnumSchema;

/** Any single form field. */
export type McpElicitationPrimitiveSchema =
  McpElicitationEnumSchema | McpElicitationStringSchema | McpElicitationNumberSchema | McpElicitationBooleanSchema;

/**
 * The form an MCP server asks the user to fill in: a flat object of fields
 * (the `requestedSchema` of an MCP form elicitation).
 * @additionalProperties false
 */
export interface McpElicitationSchema {
  /** The JSON Schema dialect, if stated. */
  $schema?: string | null;
  /** The fields, by name. */
  properties: { [key: string]: McpElicitationPrimitiveSchema };
  /** Names of the fields that must be filled in. */
  required?: string[] | null;
  type: McpElicitationObjectType;
}

/** The user's answer to an elicitation. */
export type McpServerElicitationAction = 'accept' | 'decline' | 'cancel';

/** Fields every `mcpServer/elicitation/request` carries, whatever its mode. */
interface McpServerElicitationRequestCommon {
  /** The MCP server asking. */
  serverName: string;
  /** The environment whose registration of that server asks (where it was registered, not where it runs). */
  environmentId: string | null;
  threadId: string;
  /**
   * The turn that was running when the request arrived, when the server could
   * tell; an elicitation is not bound to a turn by MCP itself.
   */
  turnId: string | null;
}

/**
 * A verification the user approves on an authenticated device; an accepted
 * answer carries the proof in `content`.
 * @experimental
 */
interface McpServerElicitationUserVerification extends McpServerElicitationRequestCommon {
  _meta?: JsonValue;
  /** The challenge to sign. */
  challenge: string;
  description: string;
  mode: 'openai/userVerification';
  title: string;
}

/** A form checked against a typed schema. */
interface McpServerElicitationForm extends McpServerElicitationRequestCommon {
  _meta?: JsonValue;
  /** What the server asks for. */
  message: string;
  mode: 'form';
  requestedSchema: McpElicitationSchema;
}

/** A form whose schema the server does not constrain (`openai/form`). */
interface McpServerElicitationOpenaiForm extends McpServerElicitationRequestCommon {
  _meta?: JsonValue;
  message: string;
  mode: 'openai/form';
  /** The form's schema, passed through as is. */
  requestedSchema: JsonValue;
}

/** The same unconstrained form under its other spelling, `openaiForm`. */
interface McpServerElicitationOpenaiFormCamel extends McpServerElicitationRequestCommon {
  _meta?: JsonValue;
  message: string;
  mode: 'openaiForm';
  /** The form's schema, passed through as is. */
  requestedSchema: JsonValue;
}

/** A URL the user should open to complete a step out of band. */
interface McpServerElicitationUrl extends McpServerElicitationRequestCommon {
  _meta?: JsonValue;
  /** Identifies the elicitation in later MCP messages. */
  elicitationId: string;
  message: string;
  mode: 'url';
  url: string;
}

/**
 * Params of the `mcpServer/elicitation/request` server request: an MCP server
 * needs input from the user, in one of several `mode`s.
 */
export type McpServerElicitationRequestParams =
  | McpServerElicitationUserVerification
  | McpServerElicitationForm
  | McpServerElicitationOpenaiForm
  | McpServerElicitationOpenaiFormCamel
  | McpServerElicitationUrl;

/** The client's answer to `mcpServer/elicitation/request`. */
export interface McpServerElicitationRequestResponse {
  /** Client metadata about how the form was handled. */
  _meta?: JsonValue;
  action: McpServerElicitationAction;
  /** What the user entered, for an accepted request; absent or `null` otherwise. */
  content?: JsonValue;
}
