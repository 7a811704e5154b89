namespace Chatbot.Simulator;

/// <summary>A function call the simulator answers with: its id, the tool's name and the arguments as JSON text.</summary>
public sealed record SimulatedToolCall(string Id, string Name, string Arguments);
