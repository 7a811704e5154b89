namespace Chatbot.InferenceWorker.Tools;

/// <summary>A tool endpoint's answer (<see cref="Body"/>) or why there is none (<see cref="Error"/>, plain words without values).</summary>
public sealed record ToolEndpointResult(string? Body, string? Error)
{
    public static ToolEndpointResult Success(string body) => new(body, null);
    public static ToolEndpointResult Failure(string error) => new(null, error);
}
