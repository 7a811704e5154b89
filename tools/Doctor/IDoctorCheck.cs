namespace Chatbot.Doctor;

/// <summary>Checks one or more scorecard rows; every row it owns is in <see cref="Rows"/> and gets exactly one result.</summary>
public interface IDoctorCheck
{
    IReadOnlyList<ScorecardRow> Rows { get; }

    Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
