export interface CheckboxOption<V extends string | number> {
  value: V;
  label: string;
}

/** A fieldset of checkboxes for a multi-select filter; an empty selection means "any". */
export function CheckboxGroup<V extends string | number>(props: {
  legend: string;
  name: string;
  options: readonly CheckboxOption<V>[];
  selected: readonly V[];
  onChange(selected: V[]): void;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const checked = props.selected.includes(option.value);
        return (
          <label key={String(option.value)} className="choice">
            <input
              type="checkbox"
              name={props.name}
              value={String(option.value)}
              checked={checked}
              onChange={() =>
                props.onChange(
                  checked
                    ? props.selected.filter((v) => v !== option.value)
                    : [...props.selected, option.value],
                )
              }
            />
            {option.label}
          </label>
        );
      })}
    </fieldset>
  );
}
