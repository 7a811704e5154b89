namespace Chatbot.ServiceDefaults.Diagnostics;

/// <summary>One endpoint as <see cref="RouteTableEndpoint"/> exports it.</summary>
public sealed record RouteDescription(
    string Pattern, string[] Methods, string? DisplayName, bool RequiresAuthorization, string[] Policies, bool AcceptsJson);
