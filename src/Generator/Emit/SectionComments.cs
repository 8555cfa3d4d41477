namespace PleGen.Generator.Emit;

/// <summary>Writes a "// Level 0"-style comment (after a blank line) wherever the forward pass enters a new section of steps.</summary>
internal sealed class SectionComments
{
    private readonly SourceWriter _writer;
    private string? _current;

    public SectionComments(SourceWriter writer) => _writer = writer;

    public void Enter(PlanStep step)
    {
        if (step.Section == _current)
        {
            return;
        }

        if (_current is not null)
        {
            _writer.Line();
        }

        _current = step.Section;
        _writer.Line("// " + step.Section);
    }
}
