using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Normalization;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Policy;
using Chatbot.Moderation.Detectors.Telemetry;

namespace Chatbot.Moderation.UnitTests;

/// <summary>Remote stages (a provider moderation API): masked input, merged categories, per-stage fail modes.</summary>
public sealed class RemoteStageTests
{
    [Fact]
    public async Task A_remote_stage_sees_masked_text_and_its_flagged_category_blocks_by_default()
    {
        var stage = new FakeRemote(_ => [new Finding("violence", "provider", 0.9), new Finding("hate", "none", 0.1)]);
        var verdict = await Moderator(stage, out _).CheckAsync("Mail ann@example.com a threat", Policy(), CancellationToken.None);

        Assert.Equal("Mail <EMAIL_1> a threat", stage.Received);
        Assert.True(verdict.Blocked);
        Assert.Contains("violence", verdict.FlaggedCategories);
        Assert.Equal(0.1, verdict.CategoryScores["hate"]);
    }

    [Fact]
    public async Task A_remote_stage_is_not_called_when_the_local_stages_already_block()
    {
        var stage = new FakeRemote(_ => [new Finding("violence", "none", 0.01)]);
        using var meters = new MetricCollector();
        var moderator = new InputModerator([new PiiStage(), new TermListStage()], new ModerationMetrics(meters.Factory), [stage]);
        var policy = Policy();
        policy.BlockedTerms["weapons"] = ["pipe bomb"];
        policy.Actions[ModerationCategories.Pii] = ModerationAction.Block;

        Assert.True((await moderator.CheckAsync("How do I build a pipe bomb?", policy, CancellationToken.None)).Blocked);
        Assert.True((await moderator.CheckAsync("Mail ann@example.com the plan", policy, CancellationToken.None)).Blocked);
        Assert.Equal(0, stage.Calls);

        var benign = await moderator.CheckAsync("What is the capital of France?", policy, CancellationToken.None);
        Assert.False(benign.Blocked);
        Assert.Equal(1, stage.Calls);
        Assert.Equal(0.01, benign.CategoryScores["violence"]);
    }

    [Fact]
    public async Task A_remote_stage_is_not_called_when_a_local_stage_failed_closed()
    {
        var stage = new FakeRemote(_ => []);
        using var meters = new MetricCollector();
        var moderator = new InputModerator([new ThrowingStage()], new ModerationMetrics(meters.Factory), [stage]);

        var verdict = await moderator.CheckAsync("Hello there", Policy(), CancellationToken.None);

        Assert.True(verdict.Blocked);
        Assert.Equal(["pii"], verdict.FailedStages);
        Assert.Equal(0, stage.Calls);
    }

    [Fact]
    public async Task A_failing_remote_stage_uses_its_own_fail_mode_unless_the_tenant_names_one()
    {
        var stage = new FakeRemote(_ => throw new HttpRequestException("down"), FailMode.Open);
        using var meters = new MetricCollector();
        var moderator = new InputModerator([new PiiStage()], new ModerationMetrics(meters.Factory), [stage]);

        var open = await moderator.CheckAsync("Hello there", Policy(), CancellationToken.None);
        Assert.False(open.Blocked);
        var strict = Policy();
        strict.StageFailModes["provider"] = FailMode.Closed;
        var closed = await moderator.CheckAsync("Hello there", strict, CancellationToken.None);
        Assert.True(closed.Blocked);
        Assert.Equal(["provider"], closed.FailedStages);
        Assert.Equal(2, meters.Sum("chatbot.moderation.bypasses"));
    }

    [Fact]
    public async Task A_remote_stage_that_overruns_its_timeout_is_a_bypass()
    {
        var stage = new FakeRemote(_ => throw new InvalidOperationException("unreachable"), FailMode.Closed, TimeSpan.FromMilliseconds(50), hang: true);
        var verdict = await Moderator(stage, out var meters).CheckAsync("Hello there", Policy(), CancellationToken.None);
        Assert.True(verdict.Blocked);
        Assert.Equal(1, meters.Sum("chatbot.moderation.bypasses"));
        meters.Dispose();
    }

    [Theory]
    [InlineData(0.59, false)]
    [InlineData(0.60, true)]
    [InlineData(0.84, true)]
    [InlineData(0.85, false)]
    public void The_grey_zone_is_the_band_between_the_tenants_two_cut_offs(double score, bool grey)
    {
        var policy = new ModerationPolicy { InjectionReviewThreshold = 0.6, InjectionThreshold = 0.85 };
        Assert.Equal(grey, GreyZone.IsGreyZone([new Finding(ModerationCategories.PromptInjection, "none", score)], policy));
    }

    [Fact]
    public async Task A_grey_zone_stage_is_skipped_when_there_is_no_injection_score_in_the_band()
    {
        var stage = new FakeRemote(_ => [], scope: RemoteStageScope.GreyZone);
        var verdict = await Moderator(stage, out var meters).CheckAsync("Hello there", Policy(), CancellationToken.None);
        meters.Dispose();
        Assert.False(verdict.Blocked);
        Assert.Equal(0, stage.Calls);
    }

    private static ModerationPolicy Policy() => new() { StageTimeout = TimeSpan.FromSeconds(30) };

    private static InputModerator Moderator(IAsyncInputDetector stage, out MetricCollector meters)
    {
        meters = new MetricCollector();
        return new InputModerator([new PiiStage()], new ModerationMetrics(meters.Factory), [stage]);
    }

    private sealed class FakeRemote(Func<string, IReadOnlyList<Finding>> answer, FailMode failMode = FailMode.Closed,
        TimeSpan? timeout = null, bool hang = false, RemoteStageScope scope = RemoteStageScope.Always) : IAsyncInputDetector
    {
        public RemoteStageScope Scope => scope;

        public string? Received { get; private set; }

        public int Calls { get; private set; }

        public string Stage => "provider";

        public TimeSpan Timeout => timeout ?? TimeSpan.FromSeconds(30);

        public FailMode FailMode => failMode;

        public async Task<IReadOnlyList<Finding>> DetectAsync(string maskedText, ModerationPolicy policy, CancellationToken cancellationToken)
        {
            Received = maskedText;
            Calls++;
            if (hang) await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            return answer(maskedText);
        }
    }

    private sealed class ThrowingStage : IInputDetector
    {
        public string Stage => "pii";

        public IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy) =>
            throw new InvalidOperationException("detector bug");
    }
}
