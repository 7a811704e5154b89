using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chatbot.Moderation.Data;
using Chatbot.Moderation.Data.Entities;
using Chatbot.Moderation.Detectors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chatbot.Moderation.Audit;

/// <summary>Writes the audit entry and, for flagged or blocked content, the review item; masked text only.</summary>
public sealed class AuditWriter(ModerationDbContext db, TimeProvider clock)
{
    private const int MaxText = 4000;

    public async Task RecordAsync(Guid tenantId, Guid? userId, Guid? replyId, string subject, InputVerdict verdict,
        CancellationToken ct)
    {
        // Each flagged category with its score ("prompt_injection_suspected=0.912"), so a reviewer sees how sure the check was.
        var categories = string.Join(',', verdict.FlaggedCategories.Order(StringComparer.Ordinal)
            .Select(c => verdict.CategoryScores.TryGetValue(c, out var score) ? string.Create(CultureInfo.InvariantCulture, $"{c}={score:0.###}") : c)
            .Concat(verdict.FailedStages.Select(s => $"failed:{s}")));
        await RecordAsync(tenantId, userId, replyId, subject, verdict.Action.ToString().ToLowerInvariant(), categories,
            verdict.ReviewText, queue: true, ct);
    }

    public async Task RecordAsync(Guid tenantId, Guid? userId, Guid? replyId, string subject, string verdict,
        string categories, string maskedText, bool queue, CancellationToken ct, string actor = "system", Guid? messageId = null,
        string? textHash = null)
    {
        var now = clock.GetUtcNow();
        var text = maskedText.Length > MaxText ? maskedText[..MaxText] : maskedText;
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, UserId = userId, ReplyId = replyId, Actor = actor,
            Subject = subject, Verdict = verdict, Categories = categories, TextHash = textHash ?? Hash(maskedText), MaskedText = text,
            CreatedAt = now, MessageId = messageId,
        });
        if (queue)
        {
            db.ReviewItems.Add(new ReviewItem
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, UserId = userId, ReplyId = replyId, Source = subject,
                Categories = categories, MaskedText = text, Status = ReviewStatuses.Pending, CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// An audit entry for a message another service published, once per <paramref name="messageId"/>: a redelivery finds
    /// the entry and writes nothing; a concurrent delivery that wins the race leaves the other one's unique violation unseen.
    /// </summary>
    public async Task RecordOnceAsync(Guid? messageId, Guid tenantId, Guid? userId, Guid? replyId, string subject, string verdict,
        string categories, string maskedText, bool queue, string actor, string? textHash, CancellationToken ct)
    {
        if (messageId is { } id && await db.AuditEntries.AnyAsync(a => a.MessageId == id, ct)) return;
        try
        {
            await RecordAsync(tenantId, userId, replyId, subject, verdict, categories, maskedText, queue, ct, actor, messageId, textHash);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent delivery of the same message won the race; it is audited once.
        }
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
