namespace ReportParser.Batch;

/// <summary>How the cell columns of the wide <c>reports</c> table are named (<c>--names keys|short</c>).</summary>
public enum ColumnNames
{
    /// <summary>The <c>Table.Row.Column</c> keys of TEMPLATE.md (<c>Requests.NewRequests.NaturalPerson</c>); the default.</summary>
    Keys,

    /// <summary>The short names of <see cref="Template.ShortNames"/> (<c>req_new_np</c>): lower-case ASCII, at most 32 characters, listed in the codebook.</summary>
    Short,
}
