namespace ReportParser.Pipeline;

/// <summary>One named step of the parse pipeline: reads the context's products of earlier steps and adds its own.</summary>
internal interface IParseStep
{
    /// <summary>A short name, for diagnostics and benchmarks.</summary>
    string Name { get; }

    /// <summary>Runs the step.</summary>
    void Run(ParseContext context);
}
