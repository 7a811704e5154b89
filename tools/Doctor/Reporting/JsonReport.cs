using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Doctor.Reporting;

/// <summary>The report for CI: <c>{ target, passed, failed, cannotCheck, rows: [{ id, row, status, reason, fix }] }</c>.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(new KebabCase()) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Uri target, IReadOnlyList<CheckResult> results) => JsonSerializer.Serialize(new
    {
        target = target.GetLeftPart(UriPartial.Authority),
        passed = results.Count(r => r.Status == CheckStatus.Pass),
        failed = results.Count(r => r.Status == CheckStatus.Fail),
        cannotCheck = results.Count(r => r.Status == CheckStatus.CannotCheck),
        rows = results,
    }, Options);

    private sealed class KebabCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
    }
}
