using System.Text.Json;

namespace Chatbot.TestSupport.Providers;

/// <summary>One request <see cref="FakeAnthropicServer"/> received.</summary>
public sealed record AnthropicRequest(DateTimeOffset ArrivedAt, string ApiKey, JsonElement Body);
