"""The panel's steps, one mixin per user step (its widgets in `build_<step>`, its `run_<step>`), in the order of
the workflow listed in gui/panel.py. Each reads its widgets on the main thread and hands the step function of
`steps/` only plain values and features already copied out of layers."""
