using Chatbot.Chat.Prompts.Experiments;

namespace Chatbot.Chat.UnitTests.Prompts;

/// <summary>Against the worked examples of Newcombe (1998), Statistics in Medicine 17:857-872 and 873-890.</summary>
public sealed class ProportionIntervalTests
{
    [Fact]
    public void Wilson_interval_of_81_of_263_is_Newcombes_0_2553_to_0_3662()
    {
        var (lower, upper) = ProportionInterval.Wilson(81, 263);
        Assert.Equal(0.2553, lower, 4);
        Assert.Equal(0.3662, upper, 4);
    }

    [Fact]
    public void Wilson_interval_stays_inside_0_and_1_at_the_edges()
    {
        Assert.Equal((0.0, 0.2775), Round(ProportionInterval.Wilson(0, 10)));
        Assert.Equal((0.7225, 1.0), Round(ProportionInterval.Wilson(10, 10)));
    }

    [Fact]
    public void Difference_of_56_of_70_and_48_of_80_is_Newcombes_method_10_interval_0_0524_to_0_3339()
    {
        var (difference, lower, upper) = ProportionInterval.Difference(48, 80, 56, 70)!.Value;
        Assert.Equal(0.2, difference, 10);
        Assert.Equal(0.0524, lower, 4);
        Assert.Equal(0.3339, upper, 4);
    }

    [Fact]
    public void Difference_without_feedback_on_either_side_has_no_interval()
    {
        Assert.Null(ProportionInterval.Difference(0, 0, 3, 4));
        Assert.Null(ProportionInterval.Difference(3, 4, 0, 0));
    }

    private static (double, double) Round((double Lower, double Upper) interval) =>
        (Math.Round(interval.Lower, 4), Math.Round(interval.Upper, 4));
}
