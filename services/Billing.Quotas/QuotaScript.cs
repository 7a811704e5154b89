using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Chatbot.Billing.Quotas;

/// <summary>
/// One Lua script run by its SHA1 (<c>EVALSHA</c>: 40 bytes on the wire instead of the script text, no hashing on the
/// server). <see cref="QuotaScriptLoader"/> loads it at start-up; should the server have forgotten it (restart,
/// <c>SCRIPT FLUSH</c>, a new primary), the <c>NOSCRIPT</c> answer makes one <c>EVAL</c>, which caches it again.
/// </summary>
internal sealed class QuotaScript
{
    public QuotaScript(string name)
    {
        using var stream = typeof(QuotaScript).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        Text = reader.ReadToEnd();
        Hash = SHA1.HashData(Encoding.UTF8.GetBytes(Text));
    }

    public string Text { get; }

    public byte[] Hash { get; }

    public async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(Hash, keys, values);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(Text, keys, values);
        }
    }
}
