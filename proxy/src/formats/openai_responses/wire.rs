//! OpenAI Responses API wire types (requests, response objects, stream events). Unknown fields
//! are ignored; unknown item, content, tool and event types land in `Unknown`, never an error.
//! Fields Satu only passes on (JSON schemas, metadata, opaque tool output) stay JSON.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

#[derive(Debug, Clone, Deserialize)]
pub struct ResponsesRequest {
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub input: Option<Input>,
    #[serde(default)]
    pub instructions: Option<String>,
    #[serde(default)]
    pub stream: Option<bool>,
    #[serde(default)]
    pub store: Option<bool>,
    #[serde(default)]
    pub max_output_tokens: Option<u64>,
    #[serde(default)]
    pub temperature: Option<f64>,
    #[serde(default)]
    pub top_p: Option<f64>,
    #[serde(default)]
    pub tools: Option<Vec<Tool>>,
    #[serde(default)]
    pub tool_choice: Option<ToolChoice>,
    #[serde(default)]
    pub parallel_tool_calls: Option<bool>,
    #[serde(default)]
    pub reasoning: Option<ReasoningConfig>,
    #[serde(default)]
    pub text: Option<TextConfig>,
    #[serde(default)]
    pub include: Option<Vec<String>>,
    #[serde(default)]
    pub previous_response_id: Option<String>,
    #[serde(default)]
    pub metadata: Option<Value>,
    #[serde(default)]
    pub user: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Input {
    Text(String),
    Items(Vec<InputItem>),
}

/// An input item; a message may come without its `type` (the SDKs' "easy input message").
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum InputItem {
    Typed(Item),
    Message(EasyMessage),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    Message(Message),
    FunctionCall {
        #[serde(default)]
        call_id: String,
        #[serde(default)]
        name: String,
        #[serde(default)]
        arguments: Option<String>,
    },
    FunctionCallOutput {
        #[serde(default)]
        call_id: String,
        #[serde(default)]
        output: ToolOutput,
    },
    Reasoning {
        #[serde(default)]
        summary: Vec<SummaryText>,
        #[serde(default)]
        encrypted_content: Option<String>,
    },
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Message {
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub content: Option<Content>,
}

/// A message without `type`: role and content are then what makes it one.
#[derive(Debug, Clone, Deserialize)]
pub struct EasyMessage {
    pub role: String,
    pub content: Content,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Content {
    Text(String),
    Parts(Vec<ContentPart>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentPart {
    InputText {
        #[serde(default)]
        text: Option<String>,
    },
    OutputText {
        #[serde(default)]
        text: Option<String>,
    },
    Text {
        #[serde(default)]
        text: Option<String>,
    },
    InputImage {
        #[serde(default)]
        image_url: Option<String>,
    },
    InputFile {
        #[serde(default)]
        file_data: Option<String>,
    },
    #[serde(other)]
    Unknown,
}

/// A function call's output: text, or content parts, which are passed on as their JSON.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ToolOutput {
    Text(String),
    Json(Value),
}

/// A missing output reads as JSON `null`, which the converters pass on as the text `null`.
impl Default for ToolOutput {
    fn default() -> Self {
        ToolOutput::Json(Value::Null)
    }
}

/// A summary entry of a reasoning item (`summary_text`).
#[derive(Debug, Clone, Deserialize)]
pub struct SummaryText {
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Tool {
    Function {
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        description: Option<String>,
        /// A JSON schema; `null` when sent as null, an empty object schema when missing.
        #[serde(default = "empty_schema")]
        parameters: Value,
        #[serde(default)]
        strict: Option<bool>,
    },
    /// Built-in tools (web search, local shell, custom grammar tools): not translatable.
    #[serde(other)]
    Unknown,
}

fn empty_schema() -> Value {
    json!({"type": "object", "properties": {}})
}

/// `"auto"`, `"none"`, `"required"`, or `{"type": "function", "name": …}` (other typed choices
/// carry no name).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ToolChoice {
    Mode(String),
    Named(NamedToolChoice),
}

#[derive(Debug, Clone, Deserialize)]
pub struct NamedToolChoice {
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ReasoningConfig {
    #[serde(default)]
    pub effort: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TextConfig {
    #[serde(default)]
    pub format: Option<TextFormat>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TextFormat {
    Text,
    JsonObject,
    JsonSchema {
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        schema: Value,
        #[serde(default)]
        strict: Option<bool>,
    },
    #[serde(other)]
    Unknown,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, Default, PartialEq, Eq)]
pub struct Usage {
    #[serde(default)]
    pub input_tokens: i64,
    #[serde(default)]
    pub output_tokens: i64,
    #[serde(default)]
    pub input_tokens_details: Option<InputDetails>,
    #[serde(default)]
    pub output_tokens_details: Option<OutputDetails>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, Default, PartialEq, Eq)]
pub struct InputDetails {
    #[serde(default)]
    pub cached_tokens: Option<i64>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, Default, PartialEq, Eq)]
pub struct OutputDetails {
    #[serde(default)]
    pub reasoning_tokens: Option<i64>,
}

/// A response object: whole answers, and the `response` of lifecycle stream events.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct ResponseObject {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub model: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub output: Vec<OutputItem>,
    #[serde(default)]
    pub usage: Option<Usage>,
    #[serde(default)]
    pub incomplete_details: Option<IncompleteDetails>,
    #[serde(default)]
    pub error: Option<ErrorBody>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OutputItem {
    Message {
        #[serde(default)]
        content: Vec<OutputContent>,
    },
    FunctionCall {
        #[serde(default)]
        call_id: String,
        #[serde(default)]
        name: String,
        #[serde(default)]
        arguments: Option<String>,
    },
    Reasoning {
        #[serde(default)]
        summary: Vec<SummaryText>,
        #[serde(default)]
        encrypted_content: Option<String>,
    },
    #[serde(other)]
    Unknown,
}

/// A message's content part: `output_text` carries text, a `refusal` none.
#[derive(Debug, Clone, Deserialize)]
pub struct OutputContent {
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct IncompleteDetails {
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

/// Stream events. Events Satu does not read (`response.in_progress`, the `*.done` of parts,
/// annotations, built-in tool progress) are `Unknown`.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "type")]
pub enum StreamEvent {
    #[serde(rename = "response.created")]
    Created {
        #[serde(default)]
        response: ResponseObject,
    },
    #[serde(rename = "response.output_item.added")]
    OutputItemAdded {
        #[serde(default)]
        output_index: Option<u64>,
        item: OutputItem,
    },
    #[serde(rename = "response.output_item.done")]
    OutputItemDone {
        #[serde(default)]
        output_index: Option<u64>,
        item: OutputItem,
    },
    #[serde(rename = "response.content_part.added")]
    ContentPartAdded {
        #[serde(default)]
        output_index: Option<u64>,
    },
    #[serde(rename = "response.content_part.done")]
    ContentPartDone {
        #[serde(default)]
        output_index: Option<u64>,
    },
    #[serde(rename = "response.output_text.delta")]
    OutputTextDelta(Delta),
    #[serde(rename = "response.output_text.done")]
    OutputTextDone {
        #[serde(default)]
        output_index: Option<u64>,
        #[serde(default)]
        text: Option<String>,
    },
    #[serde(rename = "response.function_call_arguments.delta")]
    FunctionCallArgumentsDelta(Delta),
    #[serde(rename = "response.function_call_arguments.done")]
    FunctionCallArgumentsDone {
        #[serde(default)]
        output_index: Option<u64>,
        #[serde(default)]
        arguments: Option<String>,
    },
    #[serde(rename = "response.reasoning_summary_text.delta")]
    ReasoningSummaryTextDelta(Delta),
    #[serde(rename = "response.reasoning_text.delta")]
    ReasoningTextDelta(Delta),
    #[serde(rename = "response.completed")]
    Completed {
        #[serde(default)]
        response: ResponseObject,
    },
    #[serde(rename = "response.incomplete")]
    Incomplete {
        #[serde(default)]
        response: ResponseObject,
    },
    #[serde(rename = "response.failed")]
    Failed {
        #[serde(default)]
        response: ResponseObject,
        #[serde(default)]
        message: Option<String>,
    },
    #[serde(rename = "error")]
    Error {
        #[serde(default)]
        code: Option<String>,
        #[serde(default)]
        message: Option<String>,
    },
    #[serde(other)]
    Unknown,
}

/// The body of every `*.delta` event Satu reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Delta {
    #[serde(default)]
    pub output_index: Option<u64>,
    #[serde(default)]
    pub delta: Option<String>,
}
