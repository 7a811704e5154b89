using System.Text.Json;
using Chatbot.Chat.Data.Entities;
using Chatbot.Contracts.Tools;

namespace Chatbot.Chat.Tools;

/// <summary>
/// A registered tool. <see cref="Secret"/> (verifies the <c>X-Chatbot-Signature</c> of its calls) is shown on registration
/// only. <see cref="Builtin"/> names the built-in tool a <c>builtin:</c> endpoint stands for (null for a tenant's endpoint).
/// </summary>
public sealed record ToolDto(Guid Id, string Name, string Description, JsonElement Parameters, string Endpoint, string Risk,
    IReadOnlyList<int>? PromptVersions, DateTimeOffset CreatedAt, string? Secret = null)
{
    public string? Builtin => BuiltinTools.Of(Endpoint);

    public static ToolDto From(TenantTool tool, string? secret = null) => new(tool.Id, tool.Name, tool.Description,
        JsonDocument.Parse(tool.Parameters).RootElement.Clone(), tool.Endpoint, tool.Risk, tool.PromptVersions, tool.CreatedAt, secret);
}
