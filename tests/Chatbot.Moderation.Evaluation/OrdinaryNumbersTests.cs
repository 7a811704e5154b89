using Chatbot.Moderation.Detectors.Pii;
using Xunit.Abstractions;

namespace Chatbot.Moderation.Evaluation;

/// <summary>
/// The false-positive side of phone and card detection, measured on 3,000 sentences full of ordinary numbers (prices,
/// dates, times, order ids, versions, quantities, timestamps, measurements), generated with a fixed seed. Fails when
/// more than 2 % of them are reported as any PII kind.
/// </summary>
public sealed class OrdinaryNumbersTests(ITestOutputHelper output)
{
    private static readonly Func<Random, string>[] Shapes =
    [
        r => $"The total is ${r.Next(1, 99_999):N0}.{r.Next(100):00} including tax.",
        r => $"It costs {r.Next(1, 99):0} {r.Next(1000):000},{r.Next(100):00} EUR in the shop.",
        r => $"The meeting is on {r.Next(2000, 2030)}-{r.Next(1, 13):00}-{r.Next(1, 29):00} at {r.Next(24):00}:{r.Next(60):00}.",
        r => $"Born {r.Next(1, 29):00}.{r.Next(1, 13):00}.{r.Next(1940, 2010)} in Lyon.",
        r => $"Due {r.Next(1, 13)}/{r.Next(1, 29)}/{r.Next(2000, 2030)}, see attachment.",
        r => $"Order #{r.NextInt64(100_000, 999_999_999_999)} was delivered yesterday.",
        r => $"Invoice no. {r.Next(2015, 2030)}-{r.Next(1, 999_999):000000} is overdue.",
        r => $"Ticket {r.Next(10_000, 99_999)}-{r.Next(10, 99)} is assigned to the team.",
        r => $"Upgrade to version {r.Next(1, 20)}.{r.Next(0, 30)}.{r.Next(0, 999)} before Friday.",
        r => $"Build {r.Next(2019, 2030)}{r.Next(1, 13):00}{r.Next(1, 29):00}.{r.Next(1, 20)} failed on CI.",
        r => $"We sold {r.Next(1, 999)} {r.Next(1000):000} {r.Next(1000):000} units last year.",
        r => $"The population grew to {r.Next(1, 999):N0},{r.Next(1000):000},{r.Next(1000):000}.",
        r => $"Unix time {r.Next(1_000_000_000, 1_900_000_000)} marks the deploy.",
        r => $"The file is {r.Next(1, 999_999_999):N0} bytes.",
        r => $"Coordinates {r.Next(-89, 89)}.{r.Next(10_000):0000}, {r.Next(-179, 179)}.{r.Next(10_000):0000} are the venue.",
        r => $"The ratio went from {r.Next(1, 99)}.{r.Next(100):00}% to {r.Next(1, 99)}.{r.Next(100):00}%.",
        r => $"Between {r.Next(1900, 2000)} and {r.Next(2000, 2030)} sales doubled, from {r.Next(100, 999)} to {r.Next(1000, 9999)}.",
        r => $"Measure {r.Next(10, 999)} x {r.Next(10, 999)} x {r.Next(10, 999)} mm, weight {r.Next(1, 99)}.{r.Next(10)} kg.",
        r => $"ISBN 978-{r.Next(0, 9)}-{r.Next(10, 99)}-{r.Next(100_000, 999_999)}-{r.Next(0, 9)} is the book.",
        r => $"Serial SN-{r.Next(1000, 9999)}-{r.Next(1000, 9999)}-{r.Next(10, 99)} on the back.",
        r => $"Flight LH {r.Next(100, 9999)} departs at {r.Next(24):00}:{r.Next(60):00}, gate B{r.Next(1, 60)}.",
        r => $"The score was {r.Next(0, 150)}-{r.Next(0, 150)} after {r.Next(1, 5)} quarters.",
        r => $"Use port {r.Next(1024, 65_535)} and timeout {r.Next(1, 120) * 1000} ms.",
        r => $"Patch {r.Next(1, 20)}.{r.Next(0, 9)}.{r.Next(0, 9)}.{r.Next(1000, 9999)} fixed the crash.",
        r => $"Part no. {r.Next(1000, 9999)}-{r.Next(1000, 9999)}-{r.Next(1000, 9999)} is out of stock.",
        r => $"Case {r.Next(2015, 2030)}-CV-{r.Next(1, 999_999):000000} was filed.",
        r => $"Reference {r.NextInt64(1_000_000_000_000, 9_999_999_999_999_999)} on the parcel.",
    ];

    [Fact]
    public void Ordinary_numbers_are_rarely_reported_as_personal_data()
    {
        var random = new Random(24);
        var reported = new Dictionary<string, int>();
        const int sentences = 3000;
        for (var i = 0; i < sentences; i++)
        {
            var text = Shapes[i % Shapes.Length](random);
            var findings = PiiDetector.Detect(text);
            if (findings.Count == 0) continue;
            var kind = findings[0].Kind;
            reported[kind] = reported.GetValueOrDefault(kind) + 1;
            output.WriteLine($"REPORTED as {kind}: {text}");
        }
        var rate = (double)reported.Values.Sum() / sentences;
        output.WriteLine($"ordinary-number sentences reported: {rate:P2} ({reported.Values.Sum()}/{sentences}: {string.Join(", ", reported.Select(r => $"{r.Key} {r.Value}"))})");
        Assert.True(rate <= 0.02, $"{rate:P2} of ordinary-number sentences were reported as PII.");
    }
}
