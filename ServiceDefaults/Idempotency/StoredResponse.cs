namespace Chatbot.ServiceDefaults.Idempotency;

/// <summary>What Redis holds under one key: the request's hash and, once it succeeded, its response to replay.</summary>
public sealed record StoredResponse(string RequestHash, int? StatusCode = null, string? ContentType = null, string? Location = null, byte[]? Body = null)
{
    public bool Completed => StatusCode is not null;
}
