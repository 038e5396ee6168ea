# Tailor: the same steps as the README's quick start (`make run`), in a slim image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    TAILOR_DATABASE_URL=sqlite:////data/tailor.db \
    WEB_CONCURRENCY=2

RUN useradd --create-home --uid 10001 tailor && mkdir /data && chown tailor /data
WORKDIR /app
COPY pyproject.toml README.md NOTICE ./
COPY parsers ./parsers
COPY matching ./matching
COPY service ./service
RUN pip install --no-cache-dir .

USER tailor
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status != 200)"
CMD ["sh", "-c", "exec uvicorn service.main:app --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY}"]
