namespace Chatbot.Contracts.Operations;

/// <summary>
/// One link of a reported chain: its name, kind (<c>simulator</c>, <c>openai</c>, <c>azureopenai</c>,
/// <c>openaicompatible</c>, <c>anthropic</c>), the company that runs it (an outage there takes the provider down) and its model.
/// </summary>
public sealed record ReportedProvider(string Name, string Kind, string Company, string Model);
