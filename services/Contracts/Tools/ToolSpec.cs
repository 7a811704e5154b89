namespace Chatbot.Contracts.Tools;

/// <summary>
/// One tool a tenant registered (chat's <c>POST /api/tools</c>), as the worker offers it to the model.
/// <paramref name="Parameters"/> is the JSON Schema of the arguments (an object schema, as text); <paramref name="Endpoint"/>
/// receives the arguments as a JSON POST signed with the tool's secret (<c>ToolSecrets</c> in ServiceDefaults: derived from
/// the tool id and the service credential, so no secret travels in a message); <paramref name="Risk"/> is
/// <see cref="ToolRisk"/> read, write or critical (write and critical wait for a human's approval).
/// </summary>
public sealed record ToolSpec(Guid Id, string Name, string Description, string Parameters, string Endpoint, string Risk);
