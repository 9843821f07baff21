# Convenience targets; ./run holds the logic (works without make on a fresh machine).
.PHONY: demo test screenshots bench bundle lint
demo:        ; ./run demo
test:        ; ./run test
screenshots: ; ./run screenshots
bench:       ; ./run bench
bundle:      ; ./run bundle
lint:        ; ./run lint
