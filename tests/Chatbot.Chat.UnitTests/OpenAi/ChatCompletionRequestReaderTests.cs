using System.Text.Json;
using Chatbot.Chat.OpenAi;
using Chatbot.Contracts.Inference;

namespace Chatbot.Chat.UnitTests.OpenAi;

public sealed class ChatCompletionRequestReaderTests
{
    [Fact]
    public void Reads_every_supported_field_and_ignores_unknown_ones()
    {
        var conversation = Guid.NewGuid();

        var request = Read($$"""
            {"model":"chatbot","stream":true,"stream_options":{"include_usage":true},"max_tokens":50,"max_completion_tokens":20,
             "temperature":0.5,"top_p":1,"stop":["a","b"],"user":"u-1","metadata":{"conversation_id":"{{conversation}}","tag":"x"},
             "seed":3,"logit_bias":{},"messages":[{"role":"developer","content":"Be brief."},
             {"role":"user","content":[{"type":"text","text":"Hel"},{"type":"text","text":"lo"}]}]}
            """);

        Assert.Equal(("chatbot", true, true, 20, 0.5, 1.0, "u-1", conversation),
            (request.Model, request.Stream, request.IncludeUsage, request.MaxTokens, request.Temperature, request.TopP, request.User, request.ConversationId));
        Assert.Equal(["a", "b"], request.Stop);
        Assert.Equal([new ChatTurn("system", "Be brief."), new ChatTurn("user", "Hello")], request.Messages);
    }

    [Fact]
    public void Json_null_counts_as_not_sent()
    {
        var request = Read("""{"model":"default","messages":[{"role":"user","content":"hi"}],"stream":null,"temperature":null,"stop":null,"metadata":null}""");

        Assert.Equal((false, null, null), (request.Stream, request.Temperature, request.ConversationId));
        Assert.Empty(request.Stop);
    }

    [Theory]
    [InlineData("""[]""", "body")]
    [InlineData("""{"model":"","messages":[{"role":"user","content":"hi"}]}""", "model")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"n":2}""", "n")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"top_p":1.5}""", "top_p")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":1.5}""", "max_completion_tokens")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":1}}""", "stream_options.include_usage")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"metadata":{"k":1}}""", "metadata.k")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]}""", "messages[0].content")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"   "}]}""", "messages")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"0123456789a"}]}""", "messages[0].content")]
    public void A_wrong_type_or_range_names_the_field(string json, string param)
    {
        var error = Assert.Throws<OpenAiRequestException>(() => Read(json));

        Assert.Equal(param, error.Param);
    }

    [Theory]
    [InlineData("tools", "{}")]
    [InlineData("functions", "[{\"name\":\"f\"}]")]
    [InlineData("tool_choice", "\"required\"")]
    [InlineData("tool_choice", "{\"type\":\"function\",\"function\":{\"name\":\"f\"}}")]
    [InlineData("function_call", "{\"name\":\"f\"}")]
    [InlineData("response_format", "{\"type\":\"json_object\"}")]
    [InlineData("response_format", "{\"type\":\"json_schema\",\"json_schema\":{}}")]
    [InlineData("response_format", "\"text\"")]
    [InlineData("logprobs", "true")]
    [InlineData("top_logprobs", "3")]
    [InlineData("modalities", "[\"text\",\"audio\"]")]
    [InlineData("modalities", "[1]")]
    [InlineData("audio", "{\"voice\":\"alloy\",\"format\":\"mp3\"}")]
    [InlineData("web_search_options", "{}")]
    [InlineData("frequency_penalty", "3")]
    [InlineData("presence_penalty", "\"high\"")]
    [InlineData("seed", "\"s\"")]
    [InlineData("logit_bias", "[1]")]
    [InlineData("store", "\"yes\"")]
    [InlineData("parallel_tool_calls", "1")]
    [InlineData("service_tier", "1")]
    [InlineData("reasoning_effort", "1")]
    public void A_field_whose_loss_changes_the_answer_is_refused_and_an_ignored_field_is_still_type_checked(string field, string value)
    {
        var error = Assert.Throws<OpenAiRequestException>(() => Read($$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"{{field}}":{{value}} }"""));

        Assert.Equal(field, error.Param);
    }

    [Fact]
    public void Fields_that_ask_for_nothing_this_API_lacks_are_accepted_and_tuning_fields_are_ignored()
    {
        var request = Read("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[],"tool_choice":"none","function_call":"auto",
             "response_format":{"type":"text"},"logprobs":false,"top_logprobs":0,"modalities":["text"],"frequency_penalty":1.5,
             "presence_penalty":-2,"seed":42,"logit_bias":{"50256":-100},"store":true,"parallel_tool_calls":false,
             "service_tier":"auto","reasoning_effort":"low","prediction":{"type":"content","content":"x"}}
            """);

        Assert.Equal(("m", "hi"), (request.Model, Assert.Single(request.Messages).Content));
    }

    [Fact]
    public void Reads_the_callers_tools_the_choice_and_a_history_that_ends_with_tool_results()
    {
        var request = Read("""
            {"model":"m","tools":[{"type":"function","function":{"name":"get_weather","description":"Weather.",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
              {"type":"function","function":{"name":"now"}}],
             "tool_choice":{"type":"function","function":{"name":"get_weather"}},
             "messages":[{"role":"user","content":"hi"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Oslo\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"sunny"}]}
            """);

        Assert.Equal(["get_weather", "now"], request.Tools.Select(t => t.Name));
        Assert.Equal("""{"type":"object","properties":{}}""", request.Tools[1].Parameters);
        Assert.Equal(new ClientToolChoice(ClientToolChoice.Named, "get_weather"), request.ToolChoice);
        Assert.Equal(new ChatToolCall("call_1", "get_weather", """{"city":"Oslo"}"""), Assert.Single(request.Messages[1].ToolCalls!));
        Assert.Equal(("tool", "sunny", "call_1"), (request.Messages[2].Role, request.Messages[2].Content, request.Messages[2].ToolCallId));
    }

    [Theory]
    [InlineData("""tools":[{"type":"code_interpreter"}]""", "tools[0]")]
    [InlineData("""tools":[{"type":"function","function":{"name":"get-weather"}}]""", "tools[0].function.name")]
    [InlineData("""tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"a":true}}}}]""", "tools[0].function.parameters.properties")]
    [InlineData("""tools":[{"type":"function","function":{"name":"f"}},{"type":"function","function":{"name":"f"}}]""", "tools[1].function.name")]
    [InlineData("""tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}""", "tool_choice")]
    [InlineData("""tool_choice":"sometimes" """, "tool_choice")]
    public void A_bad_tool_or_choice_names_the_field(string fields, string param)
    {
        var error = Assert.Throws<OpenAiRequestException>(() => Read($$"""{"model":"m","messages":[{"role":"user","content":"hi"}],"{{fields}} }"""));

        Assert.Equal(param, error.Param);
    }

    private static ChatCompletionRequest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ChatCompletionRequestReader.Read(document.RootElement, maxContentLength: 10);
    }
}
