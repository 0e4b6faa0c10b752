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
  /** @nullableInSchema */
  default?: string;
  /** @nullableInSchema */
  description?: string;
  /** @nullableInSchema */
  format?: McpElicitationStringFormat;
  /**
   * Longest accepted text.
   * @format uint32
   * @nullableInSchema
   */
  maxLength?: number;
  /**
   * Shortest accepted text.
   * @format uint32
   * @nullableInSchema
   */
  minLength?: number;
  /** @nullableInSchema */
  title?: string;
  type: McpElicitationStringType;
}

/**
 * A numeric form field.
 * @additionalProperties false
 */
export interface McpElicitationNumberSchema {
  /**
   * @format double
   * @nullableInSchema
   */
  default?: number;
  /** @nullableInSchema */
  description?: string;
  /**
   * Largest accepted value.
   * @format double
   * @nullableInSchema
   */
  maximum?: number;
  /**
   * Smallest accepted value.
   * @format double
   * @nullableInSchema
   */
  minimum?: number;
  /** @nullableInSchema */
  title?: string;
  type: McpElicitationNumberType;
}

/**
 * A yes/no form field.
 * @additionalProperties false
 */
export interface McpElicitationBooleanSchema {
  /** @nullableInSchema */
  default?: boolean;
  /** @nullableInSchema */
  description?: string;
  /** @nullableInSchema */
  title?: string;
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
  /** @nullableInSchema */
  default?: string;
  /** @nullableInSchema */
  description?: string;
  /** The values to choose from. */
  enum: string[];
  /** @nullableInSchema */
  title?: string;
  type: McpElicitationStringType;
}

/**
 * A single-choice field whose choices carry display labels.
 * @additionalProperties false
 */
export interface McpElicitationTitledSingleSelectEnumSchema {
  /** @nullableInSchema */
  default?: string;
  /** @nullableInSchema */
  description?: string;
  /** The choices to pick one of. */
  oneOf: McpElicitationConstOption[];
  /** @nullableInSchema */
  title?: string;
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
  /** @nullableInSchema */
  default?: string[];
  /** @nullableInSchema */
  description?: string;
  items: McpElicitationUntitledEnumItems;
  /**
   * Most choices the user may pick.
   * @format uint64
   * @nullableInSchema
   */
  maxItems?: number;
  /**
   * Fewest choices the user must pick.
   * @format uint64
   * @nullableInSchema
   */
  minItems?: number;
  /** @nullableInSchema */
  title?: string;
  type: McpElicitationArrayType;
}

/**
 * A multiple-choice field whose choices carry labels.
 * @additionalProperties false
 */
export interface McpElicitationTitledMultiSelectEnumSchema {
  /** @nullableInSchema */
  default?: string[];
  /** @nullableInSchema */
  description?: string;
  items: McpElicitationTitledEnumItems;
  /**
   * Most choices the user may pick.
   * @format uint64
   * @nullableInSchema
   */
  maxItems?: number;
  /**
   * Fewest choices the user must pick.
   * @format uint64
   * @nullableInSchema
   */
  minItems?: number;
  /** @nullableInSchema */
  title?: string;
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
  /** @nullableInSchema */
  default?: string;
  /** @nullableInSchema */
  description?: string;
  enum: string[];
  /**
   * Display labels, one per entry of `enum`.
   * @nullableInSchema
   */
  enumNames?: string[];
  /** @nullableInSchema */
  title?: string;
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
  /**
   * The JSON Schema dialect, if stated.
   * @nullableInSchema
   */
  $schema?: string;
  /** The fields, by name. */
  properties: { [key: string]: McpElicitationPrimitiveSchema };
  /**
   * Names of the fields that must be filled in.
   * @nullableInSchema
   */
  required?: string[];
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
  _meta: JsonValue | null;
  /** The challenge to sign. */
  challenge: string;
  description: string;
  mode: 'openai/userVerification';
  title: string;
}

/** A form checked against a typed schema. */
interface McpServerElicitationForm extends McpServerElicitationRequestCommon {
  _meta: JsonValue | null;
  /** What the server asks for. */
  message: string;
  mode: 'form';
  requestedSchema: McpElicitationSchema;
}

/** A form whose schema the server does not constrain (`openai/form`). */
interface McpServerElicitationOpenaiForm extends McpServerElicitationRequestCommon {
  _meta: JsonValue | null;
  message: string;
  mode: 'openai/form';
  /** The form's schema, passed through as is. */
  requestedSchema: JsonValue;
}

/** The same unconstrained form under its other spelling, `openaiForm`. */
interface McpServerElicitationOpenaiFormCamel extends McpServerElicitationRequestCommon {
  _meta: JsonValue | null;
  message: string;
  mode: 'openaiForm';
  /** The form's schema, passed through as is. */
  requestedSchema: JsonValue;
}

/** A URL the user should open to complete a step out of band. */
interface McpServerElicitationUrl extends McpServerElicitationRequestCommon {
  _meta: JsonValue | null;
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
