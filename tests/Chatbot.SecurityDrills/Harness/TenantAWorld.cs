namespace Chatbot.SecurityDrills.Harness;

/// <summary>
/// What tenant A owns when the drills start: one of each resource a route can name by id. Tenant B and a second
/// member of tenant A then try to reach them.
/// </summary>
public sealed record TenantAWorld(
    ApiUser Admin,
    ApiUser Member,
    Guid ConversationId,
    string ConversationTitle,
    Guid ReplyId,
    int PromptVersion,
    string PromptContent,
    Guid ApiKeyId,
    string ApiKeyName,
    string ApiKeySecret,
    Guid InvitationId,
    Guid ReviewId,
    Guid ExportId)
{
    /// <summary>Strings that only tenant A's data contains: none may appear in an answer to tenant B.</summary>
    public IEnumerable<string> Markers =>
    [
        Admin.TenantId.ToString(), Admin.UserId.ToString(), Member.UserId.ToString(), Admin.Email, Member.Email,
        ConversationId.ToString(), ConversationTitle, ReplyId.ToString(), PromptContent, ApiKeyId.ToString(), ApiKeyName,
        InvitationId.ToString(), ReviewId.ToString(), ExportId.ToString(),
    ];
}
