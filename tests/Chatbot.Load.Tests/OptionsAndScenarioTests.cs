using Chatbot.Load.Metrics;
using Chatbot.Load.Scenarios;

namespace Chatbot.Load.Tests;

public class OptionsAndScenarioTests
{
    [Fact]
    public void Options_keep_a_preset_default_unless_given()
    {
        var options = LoadOptions.Parse(["--scenario", "chat-100", "--duration", "30", "--levels", "1,100", "--start"]);

        Assert.Equal(30, options.Seconds("duration", 60).TotalSeconds);
        Assert.Equal(100, options.Int("users", 100));
        Assert.Equal([1, 100], options.Ints("levels", [5]));
        Assert.True(options.Has("start"));
    }

    [Theory]
    [InlineData("--userz", "10")]
    [InlineData("--users", "-3")]
    [InlineData("--users")]
    public void Bad_options_are_refused_with_a_message(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => LoadOptions.Parse(args).Int("users", 1));
    }

    [Fact]
    public void All_resolves_to_the_load_scenarios_of_the_issue_and_unknown_names_are_refused()
    {
        Assert.Equal(["chat-100", "chat-1000", "chat-300-long", "isolation", "overhead", "max-turns", "sse-10k"], ScenarioCatalog.Resolve("all").Select(s => s.Name));
        Assert.Throws<ArgumentException>(() => ScenarioCatalog.Resolve("chat-9"));
    }

    [Fact]
    public void A_goal_that_was_not_measured_is_not_a_pass()
    {
        var result = new ScenarioResult("x") { Goals = { Goal.Below("memory per stream", double.NaN, "KB", 25) } };

        Assert.Null(result.Goals[0].Passed);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Smoke_fails_on_any_error_even_when_its_goals_pass()
    {
        var recorder = new Recorder();
        recorder["list conversations"].Failure("HTTP 500");
        var result = new ScenarioResult("smoke") { FailOnErrors = true, Phases = { ("run", recorder) }, Goals = { Goal.AtLeast("rate", 200, "/s", 160) } };

        Assert.False(result.Passed);
        Assert.Contains("HTTP 500: 1", Report.Table(result));
    }

    [Fact]
    public void Streams_are_shared_over_workers_without_losing_any()
    {
        Assert.Equal(10_001, Enumerable.Range(0, 4).Sum(i => SseScenario.Share(10_001, 4, i)));
    }
}
