using Chatbot.ServiceDefaults.Authentication;
using Chatbot.Chat.Auth;
using Chatbot.Chat.Data.Entities;
using Chatbot.Chat.Data;
using Microsoft.EntityFrameworkCore;

namespace Chatbot.Chat.Replies;

public static class ReplyLookup
{
    /// <summary>The caller's own assistant message with this id, or null (unknown and foreign ids look the same).</summary>
    public static Task<Message?> FindOwnedReplyAsync(this ChatDbContext db, CurrentUser user, Guid replyId, CancellationToken ct) =>
        db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == replyId && m.TenantId == user.TenantId
            && m.UserId == user.UserId && m.Role == MessageRoles.Assistant, ct);
}
