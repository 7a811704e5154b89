using System.Text.Json;

namespace Chatbot.Moderation.Api;

/// <summary>OpenAI's moderation request: <c>input</c> is a string or an array of strings; <c>model</c> is accepted and ignored.</summary>
public sealed record ModerationRequest(JsonElement Input, string? Model);
